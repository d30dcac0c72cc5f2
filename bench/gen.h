/* gen.h: shared by the corpus generator's files (bench/gen-*.c).

   Everything here is deterministic: the only source of randomness is
   struct rng, seeded explicitly, so the same seed gives byte-identical
   collections on every machine.  Strings returned by gen_* functions are
   owned by the caller unless noted. */
#ifndef BYLINE_BENCH_GEN_H
#define BYLINE_BENCH_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "strv.h"

/* ---- PRNG (gen-text.c): xoshiro256** seeded through splitmix64 ---------- */

struct rng
{
  uint64_t s[4];
};

/* Seeds an independent stream: the same (seed, stream) always gives the
   same sequence. */
void rng_seed (struct rng *r, uint64_t seed, uint64_t stream);
uint64_t rng_next (struct rng *r);
/* Uniform in [0, n); n > 0. */
uint32_t rng_below (struct rng *r, uint32_t n);
/* Uniform in [lo, hi]. */
int rng_range (struct rng *r, int lo, int hi);
bool rng_chance (struct rng *r, double p);

struct words
{
  const char *const *v;
  size_t n;
};

const char *rng_pick (struct rng *r, const struct words *w);

/* ---- word tables (gen-words.c) ------------------------------------------ */

struct topic
{
  const char *name;
  const char *field;            /* "space exploration" */
  struct words orgs;            /* "NASA", "the European Space Agency" */
  struct words roles;           /* "mission director" */
  struct words things;          /* singular, no article: "lunar lander" */
  struct words plurals;         /* "satellites" */
  struct words hverbs;          /* headline verbs, present: "delays" */
};

extern const struct topic gen_topics[];
extern const size_t gen_n_topics;

extern const struct words gen_first_names, gen_last_names, gen_cities,
  gen_countries, gen_adjectives, gen_nouns, gen_noun_plurals, gen_verbs,
  gen_verbs_past, gen_adverbs, gen_days, gen_commenters;

/* Word substitution tables: NULL-terminated arrays of {from, to} pairs. */
struct subst
{
  const char *from;
  const char *to;
};
extern const struct subst gen_synonyms[];     /* both directions listed */
extern const struct subst gen_us_uk[];        /* US -> UK */

/* Sentence and quote templates; see gen_expand for the slot letters. */
extern const struct words gen_sentences, gen_quotes, gen_headlines,
  gen_deks, gen_captions, gen_comments, gen_teasers;

/* ---- text (gen-text.c) --------------------------------------------------- */

/* The people, places and quotes of one news event, shared by the stories
   about it (the original, its reprints and same-topic distractors). */
#define CAST_MAX 4
struct cast
{
  const struct topic *topic;
  char *people[CAST_MAX];       /* "Steve Jurczyk" */
  const char *roles[CAST_MAX];
  const char *org;
  const char *org2;
  const char *city;
  const char *country;
  char *quotes[2];              /* long quotes, reused verbatim by distractors */
  char *thing;                  /* the story's object: "heavy-lift rocket" */
};

void cast_init (struct cast *c, struct rng *r);
void cast_free (struct cast *c);

/* Appends template 'tmpl' expanded with words from the cast and tables.
   Slots: {P} full name  {p} last name  {R} role  {O} {o} organisations
   {L} city  {C} country  {T} thing  {t} the event's thing  {S} plural
   {A} adjective  {N} noun  {M} plural noun  {V} verb past  {v} verb base
   {I} adverb  {D} time phrase  {W} weekday  {#} count  {K} amount  {Y} year
   {F} field  {Q} short quote  {H} headline verb. */
void gen_expand (struct buf *b, const char *tmpl, const struct cast *c,
                 struct rng *r);

/* One sentence of body prose.  '*used' (zero at the start of a story)
   remembers the templates used, so a story repeats none until all are. */
void gen_sentence (struct buf *b, const struct cast *c, uint64_t *used,
                   struct rng *r);

/* Upper-cases the first letter of s (ASCII) in place; returns s. */
char *gen_capitalize (char *s);
/* "Title Case For Headlines" (ASCII words) in place. */
void gen_title_case (char *s);

/* ---- edits for reprints (gen-text.c) -------------------------------------
   Each returns a new string (caller frees). */

struct edit_opts
{
  double synonyms;      /* chance to replace each word that has a synonym */
  bool uk;              /* US -> UK spelling */
  double reorder;       /* chance per sentence of clause/word-order changes */
  double typos;         /* chance per paragraph of a scraping artefact */
};

char *gen_edit (const char *para, const struct edit_opts *o, struct rng *r);

#endif
