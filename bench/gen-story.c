/* gen-story.c: writing a story about an event, and editing it into reprints. */
#include "system.h"
#include "gen-story.h"

#include <ctype.h>

const struct agency gen_agencies[] = {
  { "Associated Press", "AP", "AP Photo/%s" },
  { "Reuters", "Reuters", "REUTERS/%s" },
  { "Agence France-Presse", "AFP", "%s/AFP via Getty Images" },
  { "Deutsche Presse-Agentur", "dpa", "%s/dpa" },
  { "EFE", "EFE", "EFE/%s" },
};
const size_t gen_n_agencies = ARRAY_SIZE (gen_agencies);

static char *
random_name (struct rng *r)
{
  const char *first = rng_pick (r, &gen_first_names);
  const char *last = rng_pick (r, &gen_last_names);
  return xasprintf ("%s %s", first, last);
}

static char *
expand_new (const struct words *w, const struct cast *c, struct rng *r)
{
  struct buf b = BUF_INIT;
  gen_expand (&b, rng_pick (r, w), c, r);
  return gen_capitalize (buf_steal (&b));
}

/* "WASHINGTON (AP) — ", "WASHINGTON, March 31 (Reuters) - ", ... */
static void
story_dateline (struct buf *b, const struct story *s)
{
  const char *city = s->cast->city;
  const char *ag = s->agency->short_name;
  if (strcmp (ag, "AP") == 0)
    {
      for (const char *p = city; *p; p++)
        buf_addc (b, (char) toupper ((unsigned char) *p));
      buf_adds (b, " (AP) — ");
    }
  else if (strcmp (ag, "Reuters") == 0)
    {
      for (const char *p = city; *p; p++)
        buf_addc (b, (char) toupper ((unsigned char) *p));
      buf_printf (b, ", %s %d (Reuters) - ", gdate_month_name (s->date.month),
                  s->date.day);
    }
  else
    buf_printf (b, "%s (%s) - ", city, ag);
}

/* A paragraph that carries one of the cast's long quotes. */
static char *
quote_para (const struct cast *c, int which, struct rng *r)
{
  int who = (int) rng_below (r, CAST_MAX);
  const char *name = c->people[who];
  switch (rng_below (r, 3))
    {
    case 0:
      return xasprintf ("“%s,” said %s, %s of %s.", c->quotes[which], name,
                        c->roles[who], c->org);
    case 1:
      return xasprintf ("“%s,” %s said.", c->quotes[which], name);
    default:
      return xasprintf ("%s, %s at %s, said: “%s.”", name, c->roles[who],
                        c->org2, c->quotes[which]);
    }
}

void
story_write (struct story *s, const struct cast *c,
             const struct agency *agency, int quotes, struct rng *r)
{
  memset (s, 0, sizeof *s);
  s->cast = c;
  s->agency = agency;
  int n_authors = rng_chance (r, 0.8) ? 1 : 2;
  for (int i = 0; i < n_authors; i++)
    strv_push (&s->authors, random_name (r));
  s->headline = expand_new (&gen_headlines, c, r);
  s->dek = expand_new (&gen_deks, c, r);
  gdate_random (&s->date, r);

  /* One draw per statement: argument and operand order is unspecified
     in C, and the output must not depend on the compiler. */
  int n = rng_range (r, 7, 17);
  n += rng_range (r, 0, 12);
  if (rng_chance (r, 0.1))      /* now and then a long feature */
    n += rng_range (r, 10, 30);
  uint64_t used = 0;
  int qat[2] = { -1, -1 };
  for (int i = 0; i < quotes && i < 2; i++)
    qat[i] = rng_range (r, 1, n - 1);
  struct buf b = BUF_INIT;
  for (int i = 0; i < n; i++)
    {
      buf_reset (&b);
      if (i == 0 && agency && rng_chance (r, 0.8))
        {
          story_dateline (&b, s);
          s->dateline_len = b.len;
        }
      int sentences = rng_chance (r, 0.4) ? 1 : rng_chance (r, 0.75) ? 2 : 3;
      for (int k = 0; k < sentences; k++)
        {
          if (k)
            buf_addc (&b, ' ');
          gen_sentence (&b, c, &used, r);
        }
      strv_add (&s->paras, b.data);
      for (int q = 0; q < 2; q++)
        if (qat[q] == i)
          strv_push (&s->paras, quote_para (c, q, r));
    }
  if (agency && strcmp (agency->short_name, "AFP") == 0 && n > 3)
    {
      buf_reset (&b);
      buf_adds (&b, "“");
      gen_expand (&b, "{Q}", c, r);
      buf_printf (&b, ",” %s told AFP.", c->people[1]);
      strv_add (&s->paras, b.data);
    }
  buf_free (&b);

  int n_captions = rng_range (r, 1, 2);
  for (int i = 0; i < n_captions; i++)
    strv_push (&s->captions, expand_new (&gen_captions, c, r));
  s->photographer = random_name (r);
}

static void
strv_copy (struct strv *dst, const struct strv *src)
{
  for (size_t i = 0; i < src->n; i++)
    strv_add (dst, src->v[i]);
}

void
story_copy (struct story *dst, const struct story *src)
{
  *dst = *src;
  memset (&dst->authors, 0, sizeof dst->authors);
  memset (&dst->paras, 0, sizeof dst->paras);
  memset (&dst->captions, 0, sizeof dst->captions);
  strv_copy (&dst->authors, &src->authors);
  strv_copy (&dst->paras, &src->paras);
  strv_copy (&dst->captions, &src->captions);
  dst->headline = xstrdup (src->headline);
  dst->dek = xstrdup (src->dek);
  dst->photographer = xstrdup (src->photographer);
}

void
story_free (struct story *s)
{
  strv_free (&s->authors);
  strv_free (&s->paras);
  strv_free (&s->captions);
  free (s->headline);
  free (s->dek);
  free (s->photographer);
  memset (s, 0, sizeof *s);
}

static void
kind_add (struct buf *kind, const char *what)
{
  if (kind->len && kind->data[kind->len - 1] != ':')
    buf_addc (kind, ',');
  buf_adds (kind, what);
}

static void
strv_remove (struct strv *sv, size_t i)
{
  free (sv->v[i]);
  memmove (sv->v + i, sv->v + i + 1, (sv->n - i) * sizeof *sv->v);
  sv->n--;
}

/* Applies 'o' to every paragraph, the headline and the dek. */
static void
story_edit_text (struct story *s, const struct edit_opts *o, struct rng *r)
{
  for (size_t i = 0; i < s->paras.n; i++)
    {
      char *e = gen_edit (s->paras.v[i], o, r);
      free (s->paras.v[i]);
      s->paras.v[i] = e;
    }
  struct edit_opts light = *o;
  light.typos = 0;
  light.reorder = 0;
  char *h = gen_edit (s->headline, &light, r);
  free (s->headline);
  s->headline = h;
  char *d = gen_edit (s->dek, &light, r);
  free (s->dek);
  s->dek = d;
}

void
story_reprint (struct story *dst, const struct story *src,
               const struct reprint_opts *o, struct buf *kind, struct rng *r)
{
  story_copy (dst, src);
  gdate_shift (&dst->date, rng_chance (r, 0.5) ? 0 : rng_range (r, 60, 36 * 3600), r);
  struct edit_opts eo = { 0, o->uk, 0, 0.03 };
  bool headline = rng_chance (r, 0.4);
  if (o->retranslate)
    {
      eo.synonyms = 0.5 + rng_below (r, 30) / 100.0;
      eo.reorder = 0.4 + rng_below (r, 30) / 100.0;
      eo.typos = 0.1;
      headline = true;
      kind_add (kind, "syn");
      kind_add (kind, "wordorder");
    }
  else if (rng_chance (r, 0.5))
    {
      eo.synonyms = 0.08 + rng_below (r, 20) / 100.0;
      kind_add (kind, "syn");
    }
  if (o->uk)
    kind_add (kind, "uk");
  if (dst->dateline_len && rng_chance (r, 0.4))
    {
      char *p = dst->paras.v[0];
      memmove (p, p + dst->dateline_len, strlen (p + dst->dateline_len) + 1);
      gen_capitalize (p);
      dst->dateline_len = 0;
      kind_add (kind, "nodateline");
    }
  if (headline)
    {
      struct buf b = BUF_INIT;
      gen_expand (&b, rng_pick (r, &gen_headlines), dst->cast, r);
      free (dst->headline);
      dst->headline = gen_capitalize (buf_steal (&b));
      kind_add (kind, "headline");
    }
  if (dst->paras.n > 5 && rng_chance (r, o->retranslate ? 0.2 : 0.3))
    {
      int drops = rng_range (r, 1, 2);
      for (int i = 0; i < drops; i++)
        strv_remove (&dst->paras, 1 + rng_below (r, (uint32_t) dst->paras.n - 1));
      kind_add (kind, "drop");
    }
  if (dst->paras.n > 4 && rng_chance (r, 0.2))
    {
      size_t i = 1 + rng_below (r, (uint32_t) dst->paras.n - 2);
      char *t = dst->paras.v[i];
      dst->paras.v[i] = dst->paras.v[i + 1];
      dst->paras.v[i + 1] = t;
      kind_add (kind, "reorder");
    }
  if (dst->paras.n > 3 && rng_chance (r, 0.35))
    {
      size_t keep = (size_t) (dst->paras.n * (35 + rng_below (r, 45)) / 100);
      if (keep < 2)
        keep = 2;
      while (dst->paras.n > keep)
        strv_remove (&dst->paras, dst->paras.n - 1);
      kind_add (kind, "trunc");
    }
  if (eo.synonyms > 0 || eo.uk || eo.reorder > 0 || rng_chance (r, 0.3))
    story_edit_text (dst, &eo, r);
  if (rng_chance (r, 0.3))
    {
      free (dst->photographer);
      dst->photographer = random_name (r);
    }
}
