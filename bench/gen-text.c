/* gen-text.c: the generator's PRNG, template expansion and reprint edits. */
#include "system.h"
#include "gen.h"

#include <ctype.h>

/* ---- PRNG ----------------------------------------------------------------- */

static uint64_t
splitmix64 (uint64_t *x)
{
  uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

void
rng_seed (struct rng *r, uint64_t seed, uint64_t stream)
{
  uint64_t x = seed ^ (stream * 0xd1b54a32d192ed03ULL) ^ 0x62796c696e65ULL;
  for (int i = 0; i < 4; i++)
    r->s[i] = splitmix64 (&x);
}

static uint64_t
rotl (uint64_t x, int k)
{
  return (x << k) | (x >> (64 - k));
}

uint64_t
rng_next (struct rng *r)
{
  uint64_t *s = r->s;
  uint64_t result = rotl (s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

uint32_t
rng_below (struct rng *r, uint32_t n)
{
  /* Multiply-shift: no division, no platform-dependent rounding. */
  return (uint32_t) (((rng_next (r) >> 32) * (uint64_t) n) >> 32);
}

int
rng_range (struct rng *r, int lo, int hi)
{
  return lo + (int) rng_below (r, (uint32_t) (hi - lo + 1));
}

bool
rng_chance (struct rng *r, double p)
{
  return (double) (rng_next (r) >> 11) * 0x1p-53 < p;
}

const char *
rng_pick (struct rng *r, const struct words *w)
{
  return w->v[rng_below (r, (uint32_t) w->n)];
}

/* ---- casts ----------------------------------------------------------------- */

static char *
cast_last_name (const char *full)
{
  const char *sp = strchr (full, ' ');
  return (char *) (sp ? sp + 1 : full);
}

static char *
cast_long_quote (const struct cast *c, struct rng *r)
{
  struct buf b = BUF_INIT;
  gen_expand (&b, rng_pick (r, &gen_quotes), c, r);
  buf_adds (&b, ". ");
  size_t start = b.len;
  gen_expand (&b, rng_pick (r, &gen_quotes), c, r);
  gen_capitalize (b.data + start);
  buf_adds (&b, rng_chance (r, 0.5) ? ", and " : " because ");
  start = b.len;
  gen_expand (&b, rng_pick (r, &gen_quotes), c, r);
  /* Lower-case the joined clause unless it starts with a name or "I". */
  if (b.data[start] == 'T' || b.data[start] == 'W' || b.data[start] == 'N'
      || b.data[start] == 'O' || b.data[start] == 'E')
    b.data[start] = (char) tolower ((unsigned char) b.data[start]);
  gen_capitalize (b.data);
  return buf_steal (&b);
}

void
cast_init (struct cast *c, struct rng *r)
{
  memset (c, 0, sizeof *c);
  c->topic = &gen_topics[rng_below (r, (uint32_t) gen_n_topics)];
  for (int i = 0; i < CAST_MAX; i++)
    {
      const char *first = rng_pick (r, &gen_first_names);
      const char *last = rng_pick (r, &gen_last_names);
      c->people[i] = xasprintf ("%s %s", first, last);
      c->roles[i] = rng_pick (r, &c->topic->roles);
    }
  c->org = rng_pick (r, &c->topic->orgs);
  do
    c->org2 = rng_pick (r, &c->topic->orgs);
  while (c->org2 == c->org);
  c->city = rng_pick (r, &gen_cities);
  c->country = rng_pick (r, &gen_countries);
  c->thing = xstrdup (rng_pick (r, &c->topic->things));
  for (int i = 0; i < 2; i++)
    c->quotes[i] = cast_long_quote (c, r);
}

void
cast_free (struct cast *c)
{
  for (int i = 0; i < CAST_MAX; i++)
    free (c->people[i]);
  free (c->quotes[0]);
  free (c->quotes[1]);
  free (c->thing);
  memset (c, 0, sizeof *c);
}

/* ---- templates ------------------------------------------------------------- */

/* A count of things: "seven", "42", now and then "12,345". */
static void
gen_number (struct buf *b, struct rng *r)
{
  static const char *const small[] = {
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "a dozen", "several", "dozens of"
  };
  uint32_t x = rng_below (r, 20);
  if (x < 9)
    buf_adds (b, small[rng_below (r, ARRAY_SIZE (small))]);
  else if (x < 18)
    buf_printf (b, "%d", rng_range (r, 11, 99));
  else
    {
      int hi = rng_range (r, 1, 40);
      buf_printf (b, "%d,%03d", hi, rng_range (r, 0, 999));
    }
}

/* An amount before "million" or "percent": "350", "2.5". */
static void
gen_amount (struct buf *b, struct rng *r)
{
  if (rng_chance (r, 0.5))
    buf_printf (b, "%d", rng_range (r, 2, 950));
  else
    {
      int hi = rng_range (r, 1, 9);
      buf_printf (b, "%d.%d", hi, rng_range (r, 1, 9));
    }
}

static void
gen_time_phrase (struct buf *b, struct rng *r)
{
  static const char *const phrases[] = {
    "last week", "this week", "earlier this month", "this year",
    "last month", "late last year", "in recent days", "overnight"
  };
  if (rng_chance (r, 0.6))
    {
      const char *on = rng_chance (r, 0.5) ? "on " : "";
      buf_printf (b, "%s%s", on, rng_pick (r, &gen_days));
    }
  else
    buf_adds (b, phrases[rng_below (r, ARRAY_SIZE (phrases))]);
}

/* "a" before a slot that came out starting with a vowel becomes "an". */
static void
fix_article (struct buf *b, size_t slot)
{
  if (slot < 2 || slot >= b->len || !strchr ("aeiouAEIOU", b->data[slot]))
    return;
  const char *d = b->data;
  if ((d[slot - 2] == 'a' || d[slot - 2] == 'A') && d[slot - 1] == ' '
      && (slot == 2 || d[slot - 3] == ' ' || d[slot - 3] == '\n'))
    {
      buf_addc (b, '\0');      /* room for one more byte */
      memmove (b->data + slot, b->data + slot - 1, b->len - slot);
      b->data[slot - 1] = 'n';
      b->data[b->len] = '\0';
    }
}

void
gen_expand (struct buf *b, const char *tmpl, const struct cast *c,
            struct rng *r)
{
  const struct topic *t = c->topic;
  for (const char *p = tmpl; *p; p++)
    {
      if (p[0] != '{' || p[1] == '\0' || p[2] != '}')
        {
          buf_addc (b, *p);
          continue;
        }
      size_t slot = b->len;
      int who = (int) rng_below (r, CAST_MAX);
      switch (p[1])
        {
        case 'P': buf_adds (b, c->people[who]); break;
        case 'p': buf_adds (b, cast_last_name (c->people[who])); break;
        case 'R': buf_adds (b, c->roles[who]); break;
        case 'O': buf_adds (b, c->org); break;
        case 'o': buf_adds (b, c->org2); break;
        case 'L':
          buf_adds (b, rng_chance (r, 0.6) ? c->city : rng_pick (r, &gen_cities));
          break;
        case 'C': buf_adds (b, c->country); break;
        case 'c': buf_adds (b, rng_pick (r, &gen_countries)); break;
        case 'T': buf_adds (b, rng_pick (r, &t->things)); break;
        case 't': buf_adds (b, c->thing); break;
        case 'S': buf_adds (b, rng_pick (r, &t->plurals)); break;
        case 'A': buf_adds (b, rng_pick (r, &gen_adjectives)); break;
        case 'N': buf_adds (b, rng_pick (r, &gen_nouns)); break;
        case 'M': buf_adds (b, rng_pick (r, &gen_noun_plurals)); break;
        case 'V': buf_adds (b, rng_pick (r, &gen_verbs_past)); break;
        case 'v': buf_adds (b, rng_pick (r, &gen_verbs)); break;
        case 'I': buf_adds (b, rng_pick (r, &gen_adverbs)); break;
        case 'D': gen_time_phrase (b, r); break;
        case 'W': buf_adds (b, rng_pick (r, &gen_days)); break;
        case '#': gen_number (b, r); break;
        case 'K': gen_amount (b, r); break;
        case 'Y': buf_printf (b, "%d", rng_range (r, 1990, 2020)); break;
        case 'F': buf_adds (b, t->field); break;
        case 'H': buf_adds (b, rng_pick (r, &t->hverbs)); break;
        case 'Q':
          {
            size_t start = b->len;
            gen_expand (b, rng_pick (r, &gen_quotes), c, r);
            gen_capitalize (b->data + start);
          }
          break;
        default:
          buf_add (b, p, 3);
          break;
        }
      fix_article (b, slot);
      p += 2;
    }
}

void
gen_sentence (struct buf *b, const struct cast *c, uint64_t *used,
              struct rng *r)
{
  size_t start = b->len, n = MIN (gen_sentences.n, 64);
  uint64_t all = n == 64 ? UINT64_MAX : ((uint64_t) 1 << n) - 1;
  if ((*used & all) == all)
    *used = 0;
  size_t i;
  do
    i = rng_below (r, (uint32_t) n);
  while (*used & (uint64_t) 1 << i);
  *used |= (uint64_t) 1 << i;
  gen_expand (b, gen_sentences.v[i], c, r);
  gen_capitalize (b->data + start);
}

char *
gen_capitalize (char *s)
{
  if (s[0] == '\xe2')           /* an opening quote: capitalise after it */
    {
      if (s[1] && s[2])
        gen_capitalize (s + 3);
      return s;
    }
  s[0] = (char) toupper ((unsigned char) s[0]);
  return s;
}

static bool
is_small_word (const char *w, size_t n)
{
  static const char *const small[] = {
    "a", "an", "the", "of", "in", "on", "as", "and", "for", "to", "at",
    "by", "with", "or", "over", "from"
  };
  for (size_t i = 0; i < ARRAY_SIZE (small); i++)
    if (strlen (small[i]) == n && memcmp (small[i], w, n) == 0)
      return true;
  return false;
}

void
gen_title_case (char *s)
{
  bool first = true;
  for (char *p = s; *p;)
    {
      if (!isalpha ((unsigned char) *p))
        {
          p++;
          continue;
        }
      char *w = p;
      while (isalpha ((unsigned char) *p) || *p == '-' || *p == '\'')
        p++;
      if (first || !is_small_word (w, (size_t) (p - w)))
        *w = (char) toupper ((unsigned char) *w);
      first = false;
    }
}

/* ---- edits ----------------------------------------------------------------- */

/* Finds the substitutes for the ASCII word w[0..n) (lower-cased) in 'table';
   stores up to 'max' of them in 'to' and returns how many.  The tables are
   small enough to scan (by first letter, then the rest). */
static size_t
subst_find (const struct subst *table, const char *w, size_t n,
            const char **to, size_t max)
{
  char low[32];
  if (n >= sizeof low)
    return 0;
  for (size_t i = 0; i < n; i++)
    low[i] = (char) tolower ((unsigned char) w[i]);
  low[n] = '\0';
  size_t found = 0;
  for (const struct subst *s = table; s->from && found < max; s++)
    if (s->from[0] == low[0] && strcmp (s->from, low) == 0)
      to[found++] = s->to;
  return found;
}

/* Appends word w[0..n), perhaps replaced, keeping an initial capital. */
static void
edit_word (struct buf *b, const char *w, size_t n,
           const struct edit_opts *o, struct rng *r)
{
  const char *to[4];
  const char *rep = NULL;
  size_t k;
  if (o->uk && subst_find (gen_us_uk, w, n, to, 1) > 0)
    rep = to[0];
  else if (o->synonyms > 0
           && (k = subst_find (gen_synonyms, w, n, to, ARRAY_SIZE (to))) > 0
           && rng_chance (r, o->synonyms))
    rep = to[rng_below (r, (uint32_t) k)];
  if (rep == NULL)
    {
      buf_add (b, w, n);
      return;
    }
  size_t start = b->len;
  buf_adds (b, rep);
  if (isupper ((unsigned char) w[0]))
    b->data[start] = (char) toupper ((unsigned char) b->data[start]);
}

static void
edit_words (struct buf *b, const char *s, size_t n,
            const struct edit_opts *o, struct rng *r)
{
  size_t i = 0;
  while (i < n)
    {
      if (!isalpha ((unsigned char) s[i]))
        {
          if (o->uk && n - i >= 4 && memcmp (s + i, "U.S.", 4) == 0)
            {
              buf_adds (b, "US");
              i += 4;
              continue;
            }
          buf_addc (b, s[i++]);
          continue;
        }
      size_t j = i;
      while (j < n && isalpha ((unsigned char) s[j]))
        j++;
      edit_word (b, s + i, j - i, o, r);
      i = j;
    }
}

static bool
starts_with_common_word (const char *s)
{
  static const char *const common[] = {
    "The ", "A ", "An ", "It ", "In ", "Some ", "Last ", "By ", "Under ",
    "According ", "Officials ", "Critics ", "Analysts ", "Data ", "Those ",
    "His ", "Neither ", "Exceptions "
  };
  for (size_t i = 0; i < ARRAY_SIZE (common); i++)
    if (strncmp (s, common[i], strlen (common[i])) == 0)
      return true;
  return false;
}

/* "A, B." -> "B, a." for sentences with one comma and no quotation. */
static bool
reorder_clauses (struct buf *out, const char *s, size_t n)
{
  if (n < 4 || s[n - 1] != '.' || memchr (s, '\xe2', n) || memchr (s, '"', n))
    return false;
  const char *comma = NULL;
  for (size_t i = 0; i + 1 < n; i++)
    if (s[i] == ',' && s[i + 1] == ' ')
      {
        if (comma)
          return false;
        comma = s + i;
      }
  if (comma == NULL)
    return false;
  size_t a_len = (size_t) (comma - s);
  const char *bpart = comma + 2;
  size_t b_len = (size_t) (s + n - 1 - bpart);
  if (a_len < 3 || b_len < 3)
    return false;
  size_t start = out->len;
  buf_add (out, bpart, b_len);
  gen_capitalize (out->data + start);
  buf_adds (out, ", ");
  start = out->len;
  buf_add (out, s, a_len);
  char *first = xstrndup (s, a_len);
  if (starts_with_common_word (first))
    out->data[start] = (char) tolower ((unsigned char) out->data[start]);
  free (first);
  buf_addc (out, '.');
  return true;
}

/* "X and Y" -> "Y and X" for the first pair of single words. */
static bool
reorder_and (struct buf *out, const char *s, size_t n)
{
  for (size_t i = 1; i + 6 < n; i++)
    {
      if (memcmp (s + i, " and ", 5) != 0)
        continue;
      size_t a = i;
      while (a > 0 && isalpha ((unsigned char) s[a - 1]))
        a--;
      size_t e = i + 5;
      while (e < n && isalpha ((unsigned char) s[e]))
        e++;
      if (a == i || e == i + 5 || (a > 0 && s[a - 1] != ' '))
        continue;
      buf_add (out, s, a);
      buf_add (out, s + i + 5, e - (i + 5));
      buf_adds (out, " and ");
      buf_add (out, s + a, i - a);
      buf_add (out, s + e, n - e);
      return true;
    }
  return false;
}

/* "..., he said." <-> "..., said he." style: "X said." -> "said X." */
static bool
reorder_said (struct buf *out, const char *s, size_t n)
{
  static const char tail[] = " said.";
  size_t tl = sizeof tail - 1;
  if (n < tl + 4 || memcmp (s + n - tl, tail, tl) != 0)
    return false;
  size_t e = n - tl, a = e;
  while (a > 0 && s[a - 1] != ' ')
    a--;
  if (a == 0 || a == e)
    return false;
  buf_add (out, s, a);
  buf_adds (out, "said ");
  buf_add (out, s + a, e - a);
  buf_addc (out, '.');
  return true;
}

static void
edit_sentence (struct buf *out, const char *s, size_t n,
               const struct edit_opts *o, struct rng *r)
{
  struct buf tmp = BUF_INIT;
  bool done = false;
  if (o->reorder > 0 && rng_chance (r, o->reorder))
    switch (rng_below (r, 3))
      {
      case 0: done = reorder_clauses (&tmp, s, n); break;
      case 1: done = reorder_and (&tmp, s, n); break;
      default: done = reorder_said (&tmp, s, n); break;
      }
  if (done)
    edit_words (out, tmp.data, tmp.len, o, r);
  else
    edit_words (out, s, n, o, r);
  buf_free (&tmp);
}

/* Scraping artefacts: a link's text gone ("cooperation in ."), a lost
   space ("July 1in"), a doubled word. */
static void
edit_typo (struct buf *b, struct rng *r)
{
  if (b->len < 40)
    return;
  size_t at = 10 + rng_below (r, (uint32_t) (b->len - 20));
  while (at < b->len && b->data[at] != ' ')
    at++;
  if (at + 2 >= b->len)
    return;
  size_t e = at + 1;
  while (e < b->len && isalpha ((unsigned char) b->data[e]))
    e++;
  switch (rng_below (r, 3))
    {
    case 0:                     /* drop the next word, keep the space */
      memmove (b->data + at + 1, b->data + e, b->len - e + 1);
      b->len -= e - (at + 1);
      break;
    case 1:                     /* lose the space */
      memmove (b->data + at, b->data + at + 1, b->len - at);
      b->len--;
      break;
    default:                    /* double the next word */
      {
        char *w = xstrndup (b->data + at, e - at);
        struct buf nb = BUF_INIT;
        buf_add (&nb, b->data, e);
        buf_adds (&nb, w);
        buf_adds (&nb, b->data + e);
        free (w);
        buf_free (b);
        *b = nb;
      }
      break;
    }
}

char *
gen_edit (const char *para, const struct edit_opts *o, struct rng *r)
{
  struct buf out = BUF_INIT;
  size_t n = strlen (para), i = 0;
  while (i < n)
    {
      /* A sentence ends at ". " (or "? ", "! ") before a capital or quote. */
      size_t j = i;
      while (j < n)
        {
          if ((para[j] == '.' || para[j] == '?' || para[j] == '!')
              && j + 2 < n && para[j + 1] == ' '
              && (isupper ((unsigned char) para[j + 2])
                  || (unsigned char) para[j + 2] == 0xe2))
            break;
          j++;
        }
      size_t end = j < n ? j + 1 : n;
      edit_sentence (&out, para + i, end - i, o, r);
      if (j < n)
        buf_addc (&out, ' ');
      i = j < n ? j + 2 : n;
    }
  if (o->typos > 0 && rng_chance (r, o->typos))
    edit_typo (&out, r);
  return buf_steal (&out);
}
