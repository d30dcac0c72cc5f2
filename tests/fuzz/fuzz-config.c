/* fuzz-config.c: the reader's config file, as the reader reads it:
   settings_parse (key bindings, colours, highlight terms, options) and
   config_reprints_parse (the reprints.* lines). */
#include "system.h"

#include "colour.h"
#include "config-reprints.h"
#include "keymap.h"
#include "minhash.h"
#include "settings.h"
#include "fuzz.h"

int
fuzz_config (const uint8_t *data, size_t size)
{
  const char *text = (const char *) data;
  struct strv warnings = STRV_INIT;

  /* The colour table is global: start each input from the defaults. */
  colour_reset ();
  struct settings s;
  settings_init (&s);
  struct keymap km = KEYMAP_INIT;
  keymap_defaults (&km);
  settings_parse (&s, &km, text, size, "config", &warnings);
  for (size_t i = 0; i < s.terms.n; i++)
    FUZZ_CHECK (s.terms.v[i] != NULL);
  settings_free (&s);
  keymap_free (&km);
  colour_reset ();

  struct reprint_params p;
  reprint_params_init (&p);
  config_reprints_parse (&p, text, size, "config", &warnings);
  FUZZ_CHECK (p.shingle >= 1 && p.shingle <= 16);
  FUZZ_CHECK (p.bands >= 1 && p.bands <= 256);
  FUZZ_CHECK (p.rows >= 1 && p.rows <= 32);
  FUZZ_CHECK (MINHASH_HASHES (&p) <= MINHASH_MAX_HASHES);
  FUZZ_CHECK (p.alignment_min >= 0 && p.alignment_min <= 1);
  FUZZ_CHECK (p.containment_min >= 0 && p.containment_min <= 1);

  strv_free (&warnings);
  return 0;
}

FUZZ_ENTRY (fuzz_config)
