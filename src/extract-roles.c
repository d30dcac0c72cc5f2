/* extract-roles.c: the role of every paragraph.

   Rules combine the cue bits of a paragraph (extract.c) with its shape
   (length, final punctuation, case) and its position:
     1. local: chrome, credits and captions, bylines, comment lines;
     2. duplicated caption titles ("China US Space" above the captioned
        "China US Space (Copyright ...)");
     3. the tail: after "Related stories", "Explore further", "Recommended"
        or the start of comments, everything is boilerplate unless a run of
        prose shows the article resuming (never after comments);
     4. the head: datelines, headline, dek, until the first body prose;
     5. the body region: uncredited captions, appeals sandwiched between
        chrome, and the author box (name, title, bio) at the end. */
#include "system.h"
#include "extract-int.h"

#include <unictype.h>
#include <unistr.h>

#define HAS(p, k) (((p)->any | (p)->start) & CUE_BIT (k))
#define STARTS(p, k) ((p)->start & CUE_BIT (k))

/* ---- shapes ------------------------------------------------------------- */

/* The character at s[0..n) and its length (U+FFFD on a bad byte). */
static ucs4_t
roles_uc (const char *s, size_t n, size_t *l)
{
  ucs4_t uc;
  int r = u8_mbtouc (&uc, (const uint8_t *) s, n);
  *l = r > 0 ? (size_t) r : 1;
  return uc;
}

/* Lower-case name particles: "Jean de la Fontaine", "Ludwig van Beethoven". */
static bool
roles_particle (const char *s, size_t n)
{
  static const char *const parts[] = {
    "de", "da", "di", "do", "du", "del", "della", "der", "den", "van", "von",
    "le", "la", "bin", "ibn", "al", "el", "y", "dos", "das", "ten", "ter",
  };
  for (size_t i = 0; i < ARRAY_SIZE (parts); i++)
    if (strlen (parts[i]) == n && memcmp (parts[i], s, n) == 0)
      return true;
  return false;
}

/* Capitalised words that start phrases, never names. */
static bool
roles_not_name (const char *s, size_t n)
{
  static const char *const words[] = {
    "The", "A", "An", "In", "On", "At", "This", "That", "It", "He", "She",
    "They", "We", "Our", "Your", "And", "But", "For", "With", "From", "By",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Staff",
    "Updated", "Published", "Posted", "Photo", "Image", "Video", "News",
    "Press", "Reporter", "Editor", "Correspondent", "Writer", "Senior",
    "Chief", "Associated", "Read", "More", "Share", "Comments",
  };
  for (size_t i = 0; i < ARRAY_SIZE (words); i++)
    if (strlen (words[i]) == n && strncasecmp (words[i], s, n) == 0)
      return true;
  return false;
}

/* A person's name: two to five words, each capitalised (or a particle or
   an initial), letters, hyphens, apostrophes and periods only; "JANE DOE",
   "Jean-Louis Santini", "J. R. Smith", "Ursula von der Leyen". */
bool
extract_name_shaped (const char *s, size_t n)
{
  size_t words = 0, i = 0;
  bool last_particle = false;
  while (i < n)
    {
      while (i < n && s[i] == ' ')
        i++;
      if (i == n)
        break;
      size_t b = i;
      while (i < n && s[i] != ' ')
        i++;
      size_t wl = i - b, l;
      const char *w = s + b;
      ucs4_t first = roles_uc (w, wl, &l);
      bool particle = roles_particle (w, wl);
      if (!particle && !uc_is_upper (first))
        return false;
      if (words == 0 && (particle || roles_not_name (w, wl)))
        return false;
      if (!particle && roles_not_name (w, wl))
        return false;
      for (size_t j = 0; j < wl; j += l)
        {
          ucs4_t c = roles_uc (w + j, wl - j, &l);
          if (!uc_is_alpha (c) && c != '-' && c != '\'' && c != '.'
              && c != 0x2019)
            return false;
        }
      last_particle = particle;
      if (++words > 5)
        return false;
    }
  return words >= 2 && !last_particle;
}

/* "5 / 5 (3) Jan 12, 2014": a comment's rating line. */
bool
extract_is_rating_line (const char *s, size_t n)
{
  size_t i = 0;
  if (i >= n || s[i] < '0' || s[i] > '9')
    return false;
  while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
    i++;
  while (i < n && s[i] == ' ')
    i++;
  if (i >= n || s[i] != '/')
    return false;
  i++;
  while (i < n && s[i] == ' ')
    i++;
  if (i >= n || s[i] < '0' || s[i] > '9')
    return false;
  while (i < n && s[i] >= '0' && s[i] <= '9')
    i++;
  while (i < n && s[i] == ' ')
    i++;
  return i < n && s[i] == '(';
}

static bool
roles_letter (unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool
roles_prose (const struct xpara *p)
{
  return p->words >= 20 && p->end_punct && !p->end_ellipsis;
}

static bool
roles_body_shaped (const struct xpara *p)
{
  return (p->words >= 12 && p->end_punct) || p->words >= 30;
}

/* The first word after a cue word starts with a capital or is a known
   name: "By Jane", "Via AP", "Via dpa"; not "By contrast". */
static bool
roles_capital_after_first_word (const struct xctx *x, const char *s,
                                size_t n)
{
  size_t i = 0, l;
  while (i < n && s[i] != ' ')
    i++;
  /* Two-word cues: "Written by", "Reporting by". */
  if (i + 4 <= n && (memcmp (s + i, " by ", 4) == 0))
    i += 3;
  while (i < n && s[i] == ' ')
    i++;
  if (i >= n)
    return false;
  ucs4_t c = roles_uc (s + i, n - i, &l);
  return uc_is_upper (c)
         || outlets_lookup_prefix (x->rules, s + i, n - i, NULL, NULL);
}

/* ---- 1. local ----------------------------------------------------------- */

/* Ends with a picture credit in the agency/photographer form: "(EFE/Zeynep
   Le Gall)", "(REUTERS/Carlos Head)". */
static bool
roles_slash_credit (const char *s, size_t n)
{
  if (n < 5 || s[n - 1] != ')')
    return false;
  size_t open = n - 1, words = 1;
  while (open > 0 && s[open - 1] != '(' && n - open < 80)
    {
      words += s[open - 1] == ' ';
      open--;
    }
  if (open == 0 || s[open - 1] != '(' || words > 8)
    return false;
  const char *slash = memchr (s + open, '/', n - 1 - open);
  return slash && slash > s + open && roles_letter ((unsigned char) slash[-1])
         && slash + 1 < s + n - 1 && roles_letter ((unsigned char) slash[1]);
}

static enum para_role
roles_local (struct xctx *x, size_t i)
{
  const struct xpara *p = &x->px[i];
  const char *s = xpara_text (x, i);
  size_t n = x->a->paras[i].len;
  const char *f = xpara_fold (x, i);

  if (STARTS (p, CUE_COMMENT_LINE) || extract_is_rating_line (s, n))
    return ROLE_BOILERPLATE;
  /* "date 2021-04 A visitor ... (AP Photo)": a dated picture caption. */
  if (strncmp (f, "date ", 5) == 0 && f[5] >= '0' && f[5] <= '9'
      && p->words > 8)
    return ROLE_CAPTION;
  if (HAS (p, CUE_CREDIT) && p->words <= 150)
    {
      bool paren = s[n - 1] == ')';
      if (paren || STARTS (p, CUE_CAPTION_START))
        return ROLE_CAPTION;
      if (HAS (p, CUE_CHROME_STRONG))
        return ROLE_BOILERPLATE;
      if (!p->end_punct || p->words <= 30)
        return ROLE_CAPTION;
    }
  if (STARTS (p, CUE_CAPTION_START) && p->words <= 80)
    return ROLE_CAPTION;
  if (p->words <= 80 && roles_slash_credit (s, n))
    return ROLE_CAPTION;
  if (HAS (p, CUE_CHROME_STRONG) && p->words <= 80)
    return ROLE_BOILERPLATE;
  if (HAS (p, CUE_CHROME_READER) && HAS (p, CUE_SELF) && p->words <= 60)
    return ROLE_BOILERPLATE;
  /* A phrase the rules file knows as some site's chrome. */
  if (p->words <= 80 && outlets_find_chrome (x->rules, f, p->fold_len))
    return ROLE_BOILERPLATE;
  /* Longer chrome talks to the reader: "Sign up to receive the best of
     ..., handpicked by our editors, straight to your inbox." */
  if (STARTS (p, CUE_CHROME)
      && (p->words <= 15 || (p->words <= 30 && HAS (p, CUE_SELF))))
    return ROLE_BOILERPLATE;
  if (STARTS (p, CUE_BYLINE) && p->words <= 20
      && (!p->end_punct || p->words <= 8)
      && roles_capital_after_first_word (x, s, n))
    return ROLE_BYLINE;
  return ROLE_BODY;
}

/* ---- 2. duplicated caption titles --------------------------------------- */

static void
roles_duplicates (struct xctx *x)
{
  struct para *pa = x->a->paras;
  for (size_t i = 0; i + 1 < x->a->n_paras; i++)
    if (pa[i].role == ROLE_BODY
        && (pa[i + 1].role == ROLE_CAPTION
            || pa[i + 1].role == ROLE_BOILERPLATE)
        && pa[i].len >= 8 && pa[i].len < pa[i + 1].len
        && memcmp (x->a->text + pa[i].off, x->a->text + pa[i + 1].off,
                   pa[i].len) == 0)
      pa[i].role = pa[i + 1].role;
}

/* ---- 3. tail ------------------------------------------------------------ */

static bool
roles_heading (const struct xpara *p, unsigned max_words)
{
  return p->words <= max_words && !(p->end_punct && p->words > 3);
}

static void
roles_mark_tail (struct xctx *x, size_t from, size_t to)
{
  for (size_t j = from; j < to; j++)
    {
      x->px[j].tail = true;
      if (x->a->paras[j].role != ROLE_HEADER)
        x->a->paras[j].role = ROLE_BOILERPLATE;
    }
}

static void
roles_tail (struct xctx *x)
{
  size_t n = x->a->n_paras;
  bool seen_prose = false;
  for (size_t i = 0; i < n; i++)
    {
      struct xpara *p = &x->px[i];
      enum para_role r = x->a->paras[i].role;
      if (!seen_prose)
        {
          seen_prose = r == ROLE_BODY && p->words >= 15;
          continue;
        }
      if (STARTS (p, CUE_COMMENTS) && roles_heading (p, 8))
        {
          roles_mark_tail (x, i, n);
          return;
        }
      if (!(STARTS (p, CUE_TAIL) && roles_heading (p, 12)))
        continue;
      /* Inline "Related: ..." link in the middle of the story. */
      if (i + 2 < n && roles_prose (&x->px[i + 1])
          && roles_prose (&x->px[i + 2])
          && x->a->paras[i + 1].role == ROLE_BODY
          && x->a->paras[i + 2].role == ROLE_BODY)
        {
          x->a->paras[i].role = ROLE_BOILERPLATE;
          continue;
        }
      /* The rest is the tail, unless three prose paragraphs in a row show
         the article resuming; comments end everything. */
      size_t j = i + 1, run = 0;
      for (; j < n; j++)
        {
          struct xpara *q = &x->px[j];
          if (STARTS (q, CUE_COMMENTS) && roles_heading (q, 8))
            {
              roles_mark_tail (x, i, n);
              return;
            }
          if (roles_prose (q) && x->a->paras[j].role == ROLE_BODY)
            {
              if (++run == 3)
                break;
            }
          else
            run = 0;
        }
      if (j >= n)
        {
          roles_mark_tail (x, i, n);
          return;
        }
      roles_mark_tail (x, i, j - 2);
      i = j - 3;
    }
}

/* ---- 4. head ------------------------------------------------------------ */

/* A short line that is mostly a date: "Wednesday 31 March 2021 04:15 EDT",
   "| 15 April 2024, Monday |", "Published: ...", "January 12, 2014 by
   Jean-Louis Santini". */
static bool
roles_dateline (struct xctx *x, size_t i)
{
  struct xpara *p = &x->px[i];
  if (p->words > 28 || !xpara_date (x, i))
    return false;
  /* "Published June 15, 2008 at 6:14 a.m. ET | Updated June 16, ..." */
  if (STARTS (p, CUE_DATE_LABEL))
    return true;
  if (p->words > 16)
    return false;
  const char *s = xpara_text (x, i);
  size_t n = x->a->paras[i].len;
  /* Words around the date that have letters. */
  unsigned other = 0;
  bool in = false, letters = false;
  for (size_t j = 0; j <= n; j++)
    {
      bool inside = j >= p->date_start && j < p->date_end;
      bool sp = j == n || s[j] == ' ' || s[j] == '|' || s[j] == ','
                || s[j] == '\n' || inside;
      if (sp)
        {
          if (in && letters)
            other++;
          in = letters = false;
          continue;
        }
      in = true;
      letters |= roles_letter ((unsigned char) s[j]);
    }
  if (other <= 4)
    return true;
  /* "... by Jean-Louis Santini" after the date. */
  const char *after = s + p->date_end;
  size_t an = n - p->date_end;
  while (an > 0 && (*after == ' ' || *after == ',' || *after == '|'))
    after++, an--;
  return an > 3 && strncasecmp (after, "by ", 3) == 0;
}

/* "Ingrid Henderson, Reuters", "Jane Doe | The Daily Example": a name and
   a known outlet or agency, without "By". */
static bool
roles_bare_byline (const struct xctx *x, size_t i)
{
  const struct xpara *p = &x->px[i];
  if (p->words > 10 || p->end_punct || p->lines != 1)
    return false;
  const char *s = xpara_text (x, i);
  size_t n = x->a->paras[i].len, k = 0;
  while (k < n && s[k] != ',' && s[k] != '|' && s[k] != '/')
    k++;
  if (k == n || !extract_name_shaped (s, extract_trim_end (s, k)))
    return false;
  size_t r = k + 1;
  while (r < n && s[r] == ' ')
    r++;
  return outlets_lookup_prefix (x->rules, s + r, n - r, NULL, NULL) != NULL;
}

static bool
roles_headline_shaped (const struct xctx *x, size_t i)
{
  const struct xpara *p = &x->px[i];
  const char *s = xpara_text (x, i);
  size_t n = x->a->paras[i].len;
  if (p->lines != 1 || p->lower_start || p->chars > 250 || p->end_ellipsis)
    return false;
  bool cjk = p->words <= 2 && p->chars >= 6 && n >= 3 * p->chars - 2;
  if (!cjk && (p->words < 2 || p->words > 30))
    return false;
  char last = s[n - 1];
  if (last == '.' || last == ',' || last == ':' || last == ';')
    return false;
  /* Menus: "Home | World | Politics". */
  const char *bar = memchr (s, '|', n);
  if (bar && memchr (bar + 1, '|', n - (size_t) (bar - s) - 1))
    return false;
  return true;
}

/* The paragraph after the headline that stands first: no final period, or
   set off from the body by a byline, dateline or caption below it. */
static bool
roles_dek_shaped (struct xctx *x, size_t i)
{
  const struct xpara *p = &x->px[i];
  if (p->words < 6 || p->words > 80 || p->lower_start || p->end_ellipsis)
    return false;
  if (!p->end_punct)
    return true;
  if (p->words > 50 || i + 1 >= x->a->n_paras)
    return false;
  enum para_role r = x->a->paras[i + 1].role;
  return r == ROLE_BYLINE || r == ROLE_CAPTION || r == ROLE_DATELINE
         || (r == ROLE_BODY && roles_dateline (x, i + 1));
}

/* Walks the top of the article; returns where the body prose starts. */
static size_t
roles_head (struct xctx *x)
{
  size_t n = x->a->n_paras, i = 0;
  struct para *pa = x->a->paras;
  size_t since = 0;     /* paragraphs looked at */
  for (; i < n && since < 16; i++)
    {
      if (pa[i].role == ROLE_HEADER)
        continue;
      since++;
      if (x->px[i].tail)
        break;
      if (pa[i].role == ROLE_BYLINE && roles_dateline (x, i))
        {
          pa[i].role = ROLE_DATELINE;
          continue;
        }
      if (pa[i].role != ROLE_BODY)
        continue;
      if (roles_dateline (x, i))
        {
          pa[i].role = ROLE_DATELINE;
          continue;
        }
      if (roles_bare_byline (x, i))
        {
          pa[i].role = ROLE_BYLINE;
          continue;
        }
      if (x->headline == XNONE)
        {
          if (roles_headline_shaped (x, i))
            {
              x->headline = i;
              pa[i].role = ROLE_HEADLINE;
              continue;
            }
          if (roles_body_shaped (&x->px[i]))
            break;
          /* Section labels and crumbs above the headline. */
          if (x->px[i].words <= 4 && i + 1 < n)
            {
              pa[i].role = ROLE_BOILERPLATE;
              continue;
            }
          break;
        }
      if (x->dek == XNONE && roles_dek_shaped (x, i))
        {
          x->dek = i;
          pa[i].role = ROLE_DEK;
          continue;
        }
      break;
    }
  return i;
}

/* ---- 5. body region ----------------------------------------------------- */

/* An uncredited caption: no final punctuation, and it says "pictured" or
   ends with a date ("... in Sichuan, China on December 21, 2013"). */
static bool
roles_caption_shaped (struct xctx *x, size_t i)
{
  const struct xpara *p = &x->px[i];
  if (p->end_punct || p->end_ellipsis || p->words < 6 || p->words > 60
      || p->lines != 1)
    return false;
  if (HAS (p, CUE_CAPTION_VERB))
    return true;
  if (!xpara_date (x, i) || p->date_start == 0)
    return false;
  const char *s = xpara_text (x, i);
  size_t n = x->a->paras[i].len;
  size_t e = p->date_end;
  while (e < n && (s[e] == ' ' || s[e] == '.' || s[e] == ')'))
    e++;
  return e == n;
}

static bool
roles_self (const struct xpara *p)
{
  return HAS (p, CUE_SELF);
}

/* "From reproductive rights to climate change ... we know how important":
   an appeal between two pieces of chrome. */
static void
roles_sandwich (struct xctx *x, size_t from)
{
  struct para *pa = x->a->paras;
  size_t n = x->a->n_paras;
  for (size_t i = from; i < n; i++)
    {
      if (pa[i].role != ROLE_BOILERPLATE || x->px[i].tail)
        continue;
      size_t j = i + 1;
      while (j < n && j <= i + 2 && pa[j].role == ROLE_BODY
             && roles_self (&x->px[j]))
        j++;
      if (j > i + 1 && j < n && pa[j].role == ROLE_BOILERPLATE
          && !x->px[j].tail)
        for (size_t k = i + 1; k < j; k++)
          pa[k].role = ROLE_BOILERPLATE;
    }
}

/* "Leonard David is an award-winning space journalist who ...". */
static bool
roles_bio_shaped (const struct xctx *x, size_t i, size_t *name_len)
{
  const struct xpara *p = &x->px[i];
  if (!HAS (p, CUE_BIO) || p->words < 6)
    return false;
  static const char *const verbs[] = {
    " is ", " was ", " has ", " writes ", " covers ", " reports ",
    " joined ", " ist ", " war ", " hat ", " schreibt ", " est ", " a ",
    " es ", " ha ", " e ", " \xC3\xA8 ",
  };
  const char *s = xpara_text (x, i);
  size_t n = MIN (x->a->paras[i].len, 120);
  for (size_t v = 0; v < ARRAY_SIZE (verbs); v++)
    {
      size_t vl = strlen (verbs[v]);
      for (size_t j = 3; j + vl <= n; j++)
        if (memcmp (s + j, verbs[v], vl) == 0)
          {
            if (extract_name_shaped (s, j))
              {
                *name_len = j;
                return true;
              }
            break;
          }
    }
  return false;
}

/* The author box at the end: bios, name lines, job titles. */
static void
roles_author_box (struct xctx *x, size_t from)
{
  struct para *pa = x->a->paras;
  size_t i = x->a->n_paras;
  while (i > from && (x->px[i - 1].tail
                      || pa[i - 1].role == ROLE_BOILERPLATE))
    i--;
  bool found = false;
  while (i-- > from)
    {
      struct xpara *p = &x->px[i];
      size_t nl;
      if (pa[i].role == ROLE_BOILERPLATE || pa[i].role == ROLE_CAPTION)
        continue;
      if (pa[i].role == ROLE_BODY && roles_bio_shaped (x, i, &nl))
        {
          pa[i].role = ROLE_BOILERPLATE;
          p->bio = true;
          found = true;
          continue;
        }
      if (pa[i].role == ROLE_BODY && !p->end_punct && p->words <= 6
          && HAS (p, CUE_BIO))
        {
          pa[i].role = ROLE_BOILERPLATE;        /* "Space Insider Columnist" */
          found = true;
          continue;
        }
      if ((pa[i].role == ROLE_BODY || pa[i].role == ROLE_BYLINE) && found
          && !p->end_punct && p->words <= 5
          && extract_name_shaped (xpara_text (x, i), pa[i].len))
        {
          pa[i].role = ROLE_BYLINE;
          continue;
        }
      break;
    }
}

void
extract_roles (struct xctx *x)
{
  size_t n = x->a->n_paras;
  for (size_t i = 0; i < n; i++)
    if (x->a->paras[i].role != ROLE_HEADER)
      x->a->paras[i].role = roles_local (x, i);
  roles_duplicates (x);
  roles_tail (x);
  size_t body = roles_head (x);
  for (size_t i = body; i < n; i++)
    if (x->a->paras[i].role == ROLE_BODY && !x->px[i].tail
        && roles_caption_shaped (x, i))
      x->a->paras[i].role = ROLE_CAPTION;
  roles_sandwich (x, 0);
  roles_author_box (x, body);
}
