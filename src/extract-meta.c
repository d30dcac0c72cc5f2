/* extract-meta.c: the header block, and metadata read off the roles.

   Outlet and agency are chosen by score among attributions found in
   places that attribute (bylines, datelines, credits, copyright lines,
   chrome naming the site, "told AFP", "SPACE.com has learned", bios); a
   name that is merely mentioned in the body is never taken.  Dates come
   from the header, a "date ..." marker opening the file, or a dateline at
   the top, never from the body, captions, related lists or comments. */
#include "system.h"
#include "extract.h"
#include "extract-int.h"

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "text.h"

/* ---- small string helpers ----------------------------------------------- */

/* s[0..n) with every run of white space (newlines, no-break spaces) made
   one space, trimmed.  Caller frees. */
static char *
meta_clean (const char *s, size_t n)
{
  struct buf b = BUF_INIT;
  bool space = false;
  for (size_t i = 0; i < n;)
    {
      size_t cl;
      if (extract_is_space (s + i, n - i, &cl))
        {
          space = b.len > 0;
          i += cl;
          continue;
        }
      if (space)
        buf_addc (&b, ' ');
      space = false;
      buf_addc (&b, s[i]);
      i++;
    }
  return buf_steal (&b);
}

static char
meta_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

/* The first ASCII-case-insensitive occurrence of 'pat' in s[0..n), or
   SIZE_MAX. */
static size_t
meta_find (const char *s, size_t n, const char *pat)
{
  size_t m = strlen (pat);
  if (m == 0 || m > n)
    return m == 0 ? 0 : SIZE_MAX;
  /* Anchor on the pattern's first letter, both cases, with memchr. */
  size_t k = 0;
  while (k + 1 < m && !((pat[k] >= 'a' && pat[k] <= 'z')
                        || (pat[k] >= 'A' && pat[k] <= 'Z')))
    k++;
  char lo = meta_lower (pat[k]);
  char up = lo >= 'a' && lo <= 'z' ? (char) (lo - 'a' + 'A') : lo;
  /* The next occurrence of each case, searched again only once passed
     (NULL: none left). */
  const char *pl = memchr (s + k, lo, n - k);
  const char *pu = up != lo ? memchr (s + k, up, n - k) : NULL;
  for (size_t i = k; i + m - k <= n;)
    {
      if (pl && pl < s + i)
        pl = memchr (s + i, lo, n - i);
      if (pu && pu < s + i)
        pu = memchr (s + i, up, n - i);
      const char *p = pl && pu ? MIN (pl, pu) : pl ? pl : pu;
      if (p == NULL)
        break;
      size_t at = (size_t) (p - s);
      if (at + m - k > n)
        break;
      if (strncasecmp (p - k, pat, m) == 0)
        return at - k;
      i = at + 1;
    }
  return SIZE_MAX;
}

static bool
meta_upper_at (const char *s, size_t n)
{
  ucs4_t uc;
  if (n == 0)
    return false;
  u8_mbtouc (&uc, (const uint8_t *) s, n);
  return uc_is_upper (uc) || (uc >= '0' && uc <= '9');
}

static bool
meta_domain_shaped (const char *s, size_t n)
{
  const char *dot = NULL;
  for (size_t i = 1; i + 2 < n; i++)
    if (s[i] == '.')
      dot = s + i;
  if (dot == NULL)
    return false;
  size_t tl = n - (size_t) (dot - s) - 1;
  if (tl < 2 || tl > 6)
    return false;
  for (size_t i = 0; i < tl; i++)
    if (!((dot[1 + i] >= 'a' && dot[1 + i] <= 'z')
          || (dot[1 + i] >= 'A' && dot[1 + i] <= 'Z')))
      return false;
  return true;
}

static bool
meta_connector (const char *s, size_t n)
{
  static const char *const w[] = { "of", "the", "and", "&", "de", "du",
                                   "des", "la", "le", "di", "del", "y",
                                   "für", "am", "im" };
  for (size_t i = 0; i < ARRAY_SIZE (w); i++)
    if (strlen (w[i]) == n && memcmp (w[i], s, n) == 0)
      return true;
  return false;
}

/* A run of capitalised words (a name, a publication, a domain) starting at
   s: "The Independent", "SPACE.com", "Associated Press".  Returns its
   length in bytes (0 if none). */
static size_t
meta_name_forward (const char *s, size_t n)
{
  size_t i = 0, end = 0, words = 0;
  while (i < n && words < 6)
    {
      size_t cl;
      while (i < n && extract_is_space (s + i, n - i, &cl))
        i += cl;
      size_t b = i;
      while (i < n && !extract_is_space (s + i, n - i, &cl))
        i++;
      size_t e = i;
      bool stop = false;
      while (e > b && s[e - 1] && strchr (",;:)!?\"", s[e - 1]))
        e--, stop = true;
      if (e > b && s[e - 1] == '.' && !meta_domain_shaped (s + b, e - b - 1))
        {
          /* "Press." ends the sentence; "U.S." is an abbreviation. */
          if (memchr (s + b, '.', e - b - 1) == NULL)
            e--;
          stop = true;
        }
      if (e == b || s[b] == '(')
        break;
      if (meta_upper_at (s + b, e - b))
        end = e;
      else if (!(words > 0 && meta_connector (s + b, e - b))
               && !(words == 0 && e - b == 3
                    && strncasecmp (s + b, "the", 3) == 0))
        break;
      words++;
      if (stop)
        break;
    }
  return end;
}

/* The same, backwards from s[end]: "..., D.C., SPACE.com has learned". */
static size_t
meta_name_backward (const char *s, size_t end)
{
  size_t i = end, start = end;
  for (unsigned words = 0; words < 5 && i > 0; words++)
    {
      while (i > 0 && s[i - 1] == ' ')
        i--;
      size_t e = i;
      while (i > 0 && s[i - 1] != ' ' && s[i - 1] != ',' && s[i - 1] != '('
             && s[i - 1] != '"')
        i--;
      if (i == e)
        break;
      if (meta_upper_at (s + i, e - i))
        start = i;
      else if (!(i < e && e - i == 3 && strncasecmp (s + i, "the", 3) == 0))
        break;
      if (i > 0 && s[i - 1] != ' ')
        break;
    }
  return start;
}

/* Words that make an unknown capitalised name a publication. */
static bool
meta_media_name (const char *s, size_t n)
{
  static const char *const w[] = {
    "News", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette",
    "Daily", "Magazine", "Radio", "TV", "Press", "Telegraph", "Chronicle",
    "Observer", "Review", "Today", "Wire", "Network", "Media", "Zeitung",
    "Monde", "Diario", "Corriere", "Courier", "Star", "Mail", "Express",
    "Standard", "Record", "Insider", "Weekly", "Online", "Report",
    "Dispatch", "Bulletin", "Sentinel", "Examiner", "Inquirer", "Register",
    "Independent", "Guardian", "Mirror", "Nachrichten", "Rundschau",
    "Allgemeine", "Presse", "Tageblatt", "Blatt", "Kurier", "Courrier",
    "Gazzetta", "Periódico", "Noticias", "Nouvelles",
  };
  if (meta_domain_shaped (s, n))
    return true;
  for (size_t i = 0; i < ARRAY_SIZE (w); i++)
    {
      size_t l = strlen (w[i]);
      for (size_t j = 0; j + l <= n; j++)
        if (memcmp (s + j, w[i], l) == 0 && (j == 0 || s[j - 1] == ' ')
            && (j + l == n || s[j + l] == ' ' || s[j + l] == '.'))
          return true;
    }
  return false;
}

/* An unknown publication's name as written, but "SPACE.com" -> "Space.com". */
static char *
meta_outlet_name (const char *s, size_t n)
{
  char *r = meta_clean (s, n);
  size_t l = strlen (r);
  if (meta_domain_shaped (r, l))
    {
      char *dot = strrchr (r, '.');
      bool caps = true;
      for (char *p = r; p < dot; p++)
        if (*p >= 'a' && *p <= 'z')
          caps = false;
      for (char *p = r + 1; caps && p < dot; p++)
        *p = meta_lower (*p);
      if (r[0] >= 'a' && r[0] <= 'z')
        r[0] = (char) (r[0] - 'a' + 'A');
    }
  return r;
}

/* ---- outlet and agency by score ----------------------------------------- */

struct meta_pick
{
  char *name;
  int score;
};

struct meta
{
  struct xctx *x;
  struct meta_pick outlet, agency;
};

static void
meta_offer (struct meta_pick *p, const char *name, size_t n, int score)
{
  if (score <= p->score || n == 0)
    return;
  free (p->name);
  p->name = meta_clean (name, n);
  p->score = score;
}

/* A name from the rules: an agency feeds 'agency', else 'outlet'. */
static bool
meta_offer_known (struct meta *m, const char *s, size_t n, bool prefix,
                  int outlet_score, int agency_score)
{
  enum outlet_kind kind;
  const char *canon = prefix
    ? outlets_lookup_prefix (m->x->rules, s, n, &kind, NULL)
    : outlets_lookup (m->x->rules, s, n, &kind);
  if (canon == NULL)
    return false;
  if (kind == OUTLET_AGENCY)
    meta_offer (&m->agency, canon, strlen (canon), agency_score);
  else
    meta_offer (&m->outlet, canon, strlen (canon), outlet_score);
  return true;
}

static void
meta_offer_unknown_outlet (struct meta *m, const char *s, size_t n, int score)
{
  if (score <= m->outlet.score || n == 0)
    return;
  free (m->outlet.name);
  m->outlet.name = meta_outlet_name (s, n);
  m->outlet.score = score;
}

/* ---- authors ------------------------------------------------------------ */

/* "JANE DOE" -> "Jane Doe"; names with any lower case stay as written. */
static char *
meta_title_case (const char *s)
{
  size_t n = strlen (s), upper = 0, lower = 0;
  for (size_t i = 0, l; i < n; i += l)
    {
      ucs4_t uc;
      l = (size_t) u8_mbtouc (&uc, (const uint8_t *) s + i, n - i);
      upper += uc_is_upper (uc);
      lower += uc_is_lower (uc);
    }
  /* Mostly capitals ("FERNáNDEZ" from an ASCII-only upper-casing) counts
     as all capitals; "McDonald" does not. */
  if (upper < 4 || lower * 5 > upper)
    return xstrdup (s);
  struct buf b = BUF_INIT;
  bool start = true;
  for (size_t i = 0, l; i < n; i += l)
    {
      ucs4_t uc;
      uint8_t out[6];
      l = (size_t) u8_mbtouc (&uc, (const uint8_t *) s + i, n - i);
      bool alpha = uc_is_alpha (uc);
      ucs4_t c = alpha ? (start ? uc_totitle (uc) : uc_tolower (uc)) : uc;
      int w = u8_uctomb (out, c, sizeof out);
      buf_add (&b, out, w > 0 ? (size_t) w : 0);
      start = !alpha && uc != '.';
    }
  return buf_steal (&b);
}

static void
meta_add_author (struct article *a, const char *s, size_t n)
{
  char *clean = meta_clean (s, n);
  char *name = meta_title_case (clean);
  free (clean);
  for (size_t i = 0; i < a->authors.n; i++)
    if (strcasecmp (a->authors.v[i], name) == 0)
      {
        free (name);
        return;
      }
  strv_push (&a->authors, name);
}

/* Separators inside a byline; 'skip' drops the part after it ("in
   Washington"). */
static const struct
{
  const char *s;
  bool skip;
} meta_byline_seps[] = {
  { ", ", false }, { ",", false }, { "; ", false }, { ";", false },
  { " | ", false }, { "|", false }, { " / ", false }, { " and ", false },
  { " & ", false }, { " und ", false }, { " et ", false }, { " y ", false },
  { " e ", false }, { " - ", false }, { " \xE2\x80\x94 ", false },
  { " \xE2\x80\xA2 ", false }, { " \xC2\xB7 ", false },
  { " \xE2\x80\x93 ", false }, { " for ", false }, { " with ", false },
  { " in ", true }, { " at ", true }, { " (", false }, { ")", false },
};

static const char *const meta_byline_cues[] = {
  "additional reporting by ", "reporting by ", "written by ", "words by ",
  "story by ", "text by ", "text: ", "author: ", "autor: ", "autorin: ",
  "auteur: ", "by ", "von ", "par ", "por ", "di ", "door ", "av ",
  "via ",
};

/* Reads names, outlets and agencies from a byline s[0..n). */
static void
meta_byline (struct meta *m, const char *s, size_t n)
{
  size_t i = 0;
  while (i < n && !meta_upper_at (s + i, n - i)
         && !((s[i] >= 'a' && s[i] <= 'z')))
    i++;
  for (size_t c = 0; c < ARRAY_SIZE (meta_byline_cues); c++)
    {
      size_t l = strlen (meta_byline_cues[c]);
      if (n - i >= l && strncasecmp (s + i, meta_byline_cues[c], l) == 0)
        {
          i += l;
          break;
        }
    }
  bool skip = false;
  for (unsigned parts = 0; i < n && parts < 12; parts++)
    {
      /* The nearest separator. */
      size_t best = n, bl = 0;
      bool bskip = false;
      for (size_t k = 0; k < ARRAY_SIZE (meta_byline_seps); k++)
        {
          size_t at = meta_find (s + i, MIN (n - i, best - i),
                                 meta_byline_seps[k].s);
          if (at != SIZE_MAX && i + at < best)
            {
              best = i + at;
              bl = strlen (meta_byline_seps[k].s);
              bskip = meta_byline_seps[k].skip;
            }
        }
      const char *seg = s + i;
      size_t sl = best - i;
      while (sl > 0 && seg[0] == ' ')
        seg++, sl--;
      while (sl > 0 && (seg[sl - 1] == ' ' || seg[sl - 1] == '.'))
        sl--;
      if (sl > 0 && !skip)
        {
          struct date d;
          size_t ds;
          if (seg[0] >= '0' && seg[0] <= '9')
            break;
          if (date_find (seg, sl, m->x->now, &d, &ds, NULL) && ds == 0)
            break;
          if (!meta_offer_known (m, seg, sl, true, 80, 80)
              && extract_name_shaped (seg, sl))
            meta_add_author (m->x->a, seg, sl);
        }
      skip = bskip;
      i = best + bl;
    }
}

/* ---- sources of outlet and agency --------------------------------------- */

/* "WASHINGTON (Reuters) -", "BEIJING (AP) —", "(CNN)": the wire dateline
   opening the story. */
static void
meta_wire_dateline (struct meta *m, const char *s, size_t n)
{
  n = MIN (n, 120);
  const char *open = memchr (s, '(', n);
  if (open == NULL)
    return;
  size_t o = (size_t) (open - s);
  const char *close = memchr (open, ')', n - o);
  if (close == NULL || close - open > 40)
    return;
  size_t c = (size_t) (close - s) + 1;
  while (c < n && s[c] == ' ')
    c++;
  bool dash = c == n || s[c] == '-' || s[c] == ':'
              || (n - c >= 3 && (memcmp (s + c, "\xE2\x80\x94", 3) == 0
                                 || memcmp (s + c, "\xE2\x80\x93", 3) == 0));
  /* "(CNN)The ..." has no dash; any capital after it will do. */
  if (!dash && !(c == (size_t) (close - s) + 1 && meta_upper_at (s + c,
                                                                 n - c)))
    return;
  meta_offer_known (m, open + 1, (size_t) (close - open - 1), false, 85, 85);
}

/* "Copyright 2021 The Associated Press", "© 2014 AFP". */
static void
meta_copyright (struct meta *m, const char *s, size_t n, bool caption,
                bool tail, int footer_kind)
{
  static const char *const marks[] = { "copyright", "\xC2\xA9", "(c) " };
  for (size_t k = 0; k < ARRAY_SIZE (marks); k++)
    {
      size_t at = meta_find (s, n, marks[k]);
      if (at == SIZE_MAX)
        continue;
      size_t i = at + strlen (marks[k]);
      while (i < n && (strchr (" 0123456789-,:", s[i])
                       || (n - i >= 2 && memcmp (s + i, "\xC2\xA9", 2) == 0)))
        i += (unsigned char) s[i] == 0xC2 ? 2 : 1;
      if (i < n && n - i >= 3 && strncasecmp (s + i, "(c)", 3) == 0)
        i += 3;
      while (i < n && s[i] == ' ')
        i++;
      enum outlet_kind kind;
      const char *canon = outlets_lookup_prefix (m->x->rules, s + i, n - i,
                                                 &kind, NULL);
      if (canon)
        {
          /* A site's own footer ("© 2014 Reuters. All rights reserved.")
             names the outlet; a caption's credit or a syndication notice
             ("may not be published, broadcast, rewritten or
             redistributed") names the wire. */
          bool wire = kind == OUTLET_AGENCY
                      && (caption || footer_kind != 0
                          || meta_find (s, n, "redistributed") != SIZE_MAX);
          if (wire)
            meta_offer (&m->agency, canon, strlen (canon), caption ? 60 : 70);
          else
            meta_offer (&m->outlet, canon, strlen (canon), caption ? 30 : 60);
          return;
        }
      size_t l = meta_name_forward (s + i, n - i);
      if (!caption && !tail && l && meta_media_name (s + i, l))
        meta_offer_unknown_outlet (m, s + i, l, 35);
      return;
    }
}

/* Prompts that name their own site. */
static const struct
{
  const char *s;
  bool unknown_ok;      /* an unknown name after it is taken as the outlet */
} meta_site_cues[] = {
  { "notifications from ", true }, { "welcome to ", true },
  { "thank you for reading ", true }, { "thanks for reading ", true },
  { "you are reading ", true }, { "you're reading ", true },
  { "newsletter from ", true }, { "subscribe to ", false },
  { "support ", false }, { "sign up for ", false }, { "the best of ", false },
  { "download the ", false }, { "follow ", false }, { "from ", false },
};

static void
meta_site_chrome (struct meta *m, const char *s, size_t n)
{
  for (size_t k = 0; k < ARRAY_SIZE (meta_site_cues); k++)
    {
      size_t at = meta_find (s, n, meta_site_cues[k].s);
      if (at == SIZE_MAX)
        continue;
      const char *p = s + at + strlen (meta_site_cues[k].s);
      size_t pn = n - (size_t) (p - s);
      size_t l = meta_name_forward (p, pn);
      if (l == 0)
        continue;
      /* The site names itself: the outlet, even when the name is also a
         wire service's ("from Bloomberg"). */
      const char *canon = outlets_lookup_prefix (m->x->rules, p, l, NULL,
                                                 NULL);
      if (canon)
        meta_offer (&m->outlet, canon, strlen (canon), 75);
      else if (meta_site_cues[k].unknown_ok)
        meta_offer_unknown_outlet (m, p, l, 65);
    }
}

/* "SPACE.com has learned", "The Independent can reveal". */
static void
meta_self_reference (struct meta *m, const char *s, size_t n)
{
  static const char *const cues[] = { " has learned", " has learnt",
                                      " can reveal", " can exclusively reveal",
                                      " has been told" };
  for (size_t k = 0; k < ARRAY_SIZE (cues); k++)
    {
      const char *hit = memmem (s, n, cues[k], strlen (cues[k]));
      if (hit == NULL)
        continue;
      size_t at = (size_t) (hit - s);
      size_t b = meta_name_backward (s, at);
      if (b == at)
        continue;
      if (!meta_offer_known (m, s + b, at - b, false, 60, 60)
          && meta_media_name (s + b, at - b))
        meta_offer_unknown_outlet (m, s + b, at - b, 55);
    }
}

/* "Logsdon told AFP", "AFP reports". */
static void
meta_told (struct meta *m, const char *s, size_t n)
{
  for (size_t i = 0; i < n;)
    {
      const char *t = memmem (s + i, n - i, "told ", 5);
      if (t == NULL)
        break;
      size_t p = (size_t) (t - s) + 5;
      if (t == s || t[-1] == ' ')
        meta_offer_known (m, s + p, n - p, true, 45, 65);
      i = p;
    }
  for (size_t i = 0; i < n;)
    {
      const char *hit = memmem (s + i, n - i, " report", 7);
      if (hit == NULL)
        break;
      size_t at = (size_t) (hit - s);
      i = at + 7;
      if (!(n - i >= 1 && s[i] == 's') && !(n - i >= 2 && s[i] == 'e'
                                             && s[i + 1] == 'd'))
        continue;
      size_t b = meta_name_backward (s, at);
      enum outlet_kind kind;
      const char *canon = b < at ? outlets_lookup (m->x->rules, s + b, at - b,
                                                   &kind) : NULL;
      if (canon && kind == OUTLET_AGENCY)
        meta_offer (&m->agency, canon, strlen (canon), 40);
    }
}

/* "has written for SPACE.com since 1999". */
static void
meta_bio_outlet (struct meta *m, const char *s, size_t n)
{
  static const char *const cues[] = {
    "written for ", "writes for ", "writing for ", "reporter for ",
    "reporter at ", "correspondent for ", "editor at ", "editor of ",
    "columnist for ", "columnist at ", "contributor to ", "writer for ",
    "writer at ", "works for ", "schreibt f\xC3\xBCr ", "journaliste \xC3\xA0 ",
  };
  for (size_t k = 0; k < ARRAY_SIZE (cues); k++)
    {
      size_t at = meta_find (s, n, cues[k]);
      if (at == SIZE_MAX)
        continue;
      const char *p = s + at + strlen (cues[k]);
      size_t l = meta_name_forward (p, n - (size_t) (p - s));
      if (l && !meta_offer_known (m, p, l, true, 50, 50)
          && meta_media_name (p, l))
        meta_offer_unknown_outlet (m, p, l, 45);
    }
}

/* "(AP Photo/Ng Han Guan)", "Photo: AFP": an agency's picture, the
   weakest sign that the story came from it too. */
static void
meta_caption_credit (struct meta *m, const char *s, size_t n)
{
  for (size_t i = 0; i + 1 < n; i++)
    if (s[i] == '(' || s[i] == '/' || s[i] == ':')
      {
        size_t p = i + 1;
        while (p < n && s[p] == ' ')
          p++;
        /* "(EFE/Zeynep Le Gall)": the credit up to the slash first. */
        size_t e = p;
        while (e < n && !strchr ("/),;|", s[e]))
          e++;
        enum outlet_kind kind;
        const char *canon = outlets_lookup (m->x->rules, s + p, e - p, &kind);
        if (canon == NULL)
          canon = outlets_lookup_prefix (m->x->rules, s + p, n - p, &kind,
                                         NULL);
        if (canon && kind == OUTLET_AGENCY)
          meta_offer (&m->agency, canon, strlen (canon), 30);
      }
}

static void
meta_sources (struct meta *m)
{
  struct xctx *x = m->x;
  struct article *a = x->a;
  unsigned credits = 0, chrome = 0, body = 0;
  for (size_t i = 0; i < a->n_paras; i++)
    {
      const char *s = xpara_text (x, i);
      size_t n = a->paras[i].len;
      enum para_role r = a->paras[i].role;
      bool tail = x->px[i].tail;
      switch (r)
        {
        case ROLE_DATELINE:
          /* "January 12, 2014 by Jean-Louis Santini": after the date. */
          if (!tail && xpara_date (x, i))
            {
              size_t e = x->px[i].date_end;
              size_t b = meta_find (s + e, n - e, "by ");
              if (b != SIZE_MAX)
                meta_byline (m, s + e + b, n - e - b);
            }
          break;
        case ROLE_BYLINE:
          if (!tail)
            {
              meta_byline (m, s, n);
              meta_copyright (m, s, n, false, tail, 1);
            }
          break;
        case ROLE_CAPTION:
          if (!tail && credits++ < 32)
            {
              meta_copyright (m, s, n, true, tail, 0);
              meta_caption_credit (m, s, n);
            }
          break;
        case ROLE_BOILERPLATE:
          if (chrome++ < 256)
            {
              meta_copyright (m, s, n, false, tail, 0);
              if (!tail)
                meta_site_chrome (m, s, n);
              const char *c = outlets_find_chrome (x->rules, xpara_fold (x, i),
                                                   x->px[i].fold_len);
              if (c)
                meta_offer (&m->outlet, c, strlen (c), 70);
              if (x->px[i].bio)
                meta_bio_outlet (m, s, n);
            }
          break;
        case ROLE_BODY:
          if (body++ < 3)
            meta_wire_dateline (m, s, n);
          if ((x->px[i].any & CUE_BIT (CUE_ATTRIB)) || n > XFOLD_MAX)
            {
              meta_self_reference (m, s, n);
              meta_told (m, s, n);
            }
          break;
        default:
          break;
        }
    }
}

/* ---- header block ------------------------------------------------------- */

enum hkey
{
  HK_TITLE, HK_DEK, HK_DATE, HK_SOURCE, HK_AGENCY, HK_AUTHOR, HK_AUTHORS,
  HK_URL, HK_OTHER
};

static const struct
{
  const char *key;
  enum hkey k;
} meta_hkeys[] = {
  { "title", HK_TITLE }, { "headline", HK_TITLE }, { "subject", HK_TITLE },
  { "dek", HK_DEK }, { "description", HK_DEK }, { "subtitle", HK_DEK },
  { "summary", HK_DEK }, { "standfirst", HK_DEK },
  { "date", HK_DATE }, { "published", HK_DATE }, { "pubdate", HK_DATE },
  { "source", HK_SOURCE }, { "outlet", HK_SOURCE },
  { "publication", HK_SOURCE }, { "publisher", HK_SOURCE },
  { "agency", HK_AGENCY }, { "wire", HK_AGENCY },
  { "author", HK_AUTHOR }, { "byline", HK_AUTHOR }, { "by", HK_AUTHOR },
  { "authors", HK_AUTHORS },
  { "url", HK_URL }, { "link", HK_URL }, { "canonical", HK_URL },
  { "source-url", HK_URL },
};

/* "Key: value" -> the key's length, or 0. */
static size_t
meta_header_key (const char *s, size_t n)
{
  size_t i = 0;
  while (i < n && i < 32
         && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')
             || (i > 0 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '-'
                           || s[i] == '_'))))
    i++;
  return i > 0 && i < n && s[i] == ':' ? i : 0;
}

static enum hkey
meta_header_kind (const char *s, size_t n)
{
  for (size_t i = 0; i < ARRAY_SIZE (meta_hkeys); i++)
    if (strlen (meta_hkeys[i].key) == n
        && strncasecmp (meta_hkeys[i].key, s, n) == 0)
      return meta_hkeys[i].k;
  return HK_OTHER;
}

/* "Jane Doe, John Roe" lists names; "Doe, Jane" is one name. */
static bool
meta_comma_list (const char *v, size_t n)
{
  size_t i = 0, parts = 0;
  while (i < n)
    {
      const char *c = memchr (v + i, ',', n - i);
      size_t e = c ? (size_t) (c - v) : n;
      while (i < e && v[i] == ' ')
        i++;
      if (!extract_name_shaped (v + i, extract_trim_end (v + i, e - i)))
        return false;
      parts++;
      i = e + 1;
    }
  return parts > 1;
}

static void
meta_header_authors (struct strv *sv, const char *v, size_t n, bool commas)
{
  commas = commas || meta_comma_list (v, n);
  size_t i = 0;
  while (i < n)
    {
      size_t best = n, bl = 0;
      static const char *const seps[] = { ";", " and ", " & ", "," };
      for (size_t k = 0; k < ARRAY_SIZE (seps); k++)
        {
          if (!commas && seps[k][0] == ',')
            continue;
          size_t at = meta_find (v + i, n - i, seps[k]);
          if (at != SIZE_MAX && i + at < best)
            best = i + at, bl = strlen (seps[k]);
        }
      char *name = meta_clean (v + i, best - i);
      if (*name && !strv_contains (sv, name))
        strv_push (sv, name);
      else
        free (name);
      i = best + bl;
    }
}

static void
meta_header_field (struct xctx *x, enum hkey k, const char *v, size_t n)
{
  struct xheader *h = &x->hdr;
  char **slot = NULL;
  switch (k)
    {
    case HK_TITLE: slot = &h->title; break;
    case HK_DEK: slot = &h->dek; break;
    case HK_SOURCE: slot = &h->source; break;
    case HK_AGENCY: slot = &h->agency; break;
    case HK_URL: slot = &h->url; break;
    case HK_AUTHOR:
    case HK_AUTHORS:
      meta_header_authors (&h->authors, v, n, k == HK_AUTHORS);
      return;
    case HK_DATE:
      if (h->date.precision == DATE_PREC_NONE
          && !date_parse (v, n, x->now, &h->date))
        {
          struct date d;
          if (date_find (v, n, x->now, &d, NULL, NULL))
            h->date = d;
        }
      return;
    case HK_OTHER:
      return;
    }
  char *c = meta_clean (v, n);
  if (*slot == NULL && *c)
    *slot = c;
  else
    free (c);
}

/* An RFC 822-style block at the top: "Key: value" lines up to the first
   blank line, continuation lines indented.  The first key must be one we
   know, so prose that happens to start "Note: ..." is not taken. */
void
extract_header (struct xctx *x, size_t *consumed)
{
  const char *t = x->a->text;
  size_t len = x->a->text_len, i = 0;
  *consumed = 0;
  /* Leading blank lines. */
  for (;;)
    {
      size_t j = i;
      while (j < len && (t[j] == ' ' || t[j] == '\t'))
        j++;
      if (j < len && t[j] == '\n')
        i = j + 1;
      else
        break;
    }
  /* Fields are gathered first and applied once the block is known good. */
  struct { size_t ko, kl, vo, vl; } *f = NULL;
  size_t nf = 0, af = 0, end = i;
  bool known_first = false;
  while (i < len)
    {
      const char *nl = memchr (t + i, '\n', len - i);
      size_t le = nl ? (size_t) (nl - t) : len;
      size_t l = le - i;
      if (extract_trim_end (t + i, l) == 0)
        break;
      if ((t[i] == ' ' || t[i] == '\t') && nf > 0)
        {
          f[nf - 1].vl = le - f[nf - 1].vo;     /* continuation */
          end = le;
          i = le + 1;
          continue;
        }
      size_t kl = meta_header_key (t + i, l);
      if (kl == 0)
        break;
      if (nf == 0)
        known_first = meta_header_kind (t + i, kl) != HK_OTHER;
      f = xgrow (f, &af, nf + 1, sizeof *f);
      f[nf].ko = i;
      f[nf].kl = kl;
      f[nf].vo = i + kl + 1;
      f[nf].vl = le - f[nf].vo;
      nf++;
      end = le;
      i = le + 1;
    }
  if (nf > 0 && known_first)
    {
      x->hdr.present = true;
      for (size_t k = 0; k < nf; k++)
        meta_header_field (x, meta_header_kind (t + f[k].ko, f[k].kl),
                           t + f[k].vo, f[k].vl);
      *consumed = end;
    }
  free (f);
}

void
extract_header_free (struct xheader *h)
{
  free (h->title);
  free (h->dek);
  free (h->source);
  free (h->agency);
  free (h->url);
  strv_free (&h->authors);
}

/* ---- headline, date, authors, body --------------------------------------- */

static bool
meta_abbreviation (const char *s, size_t dot)
{
  size_t b = dot;
  while (b > 0 && s[b - 1] != ' ')
    b--;
  size_t l = dot - b;
  if (l <= 1 || memchr (s + b, '.', l))
    return true;                /* "J.", "U.S." */
  static const char *const ab[] = {
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov",
    "Lt", "Col", "Capt", "Prof", "Inc", "Co", "Corp", "Ltd", "No", "vs",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Mt", "Ft", "Sgt", "Rev",
  };
  for (size_t i = 0; i < ARRAY_SIZE (ab); i++)
    if (strlen (ab[i]) == l && memcmp (ab[i], s + b, l) == 0)
      return true;
  return false;
}

#define HEADLINE_MAX 100

/* The lead sentence, or its first words up to HEADLINE_MAX characters
   (with "…") when it is longer. */
static char *
meta_derive_headline (const char *raw, size_t n)
{
  char *s = meta_clean (raw, MIN (n, 4 * HEADLINE_MAX + 64));
  size_t len = strlen (s), chars = 0, cut = 0, i;
  for (i = 0; i < len; i++)
    {
      if (((unsigned char) s[i] & 0xC0) != 0x80)
        {
          if (chars == HEADLINE_MAX)
            break;
          chars++;
        }
      char c = s[i];
      if ((c == '.' || c == '!' || c == '?')
          && (i + 1 == len || s[i + 1] == ' ')
          && (c != '.' || !meta_abbreviation (s, i)))
        {
          s[c == '.' ? i : i + 1] = '\0';
          return s;
        }
      if (c == ' ')
        cut = i;
    }
  if (i >= len)
    return s;
  /* Too long: cut at the last word boundary leaving room for "…". */
  if (cut == 0)
    {
      cut = i;
      while (cut > 0 && ((unsigned char) s[cut] & 0xC0) == 0x80)
        cut--;
      /* One character less for the ellipsis. */
      do
        cut--;
      while (cut > 0 && ((unsigned char) s[cut] & 0xC0) == 0x80);
    }
  while (cut > 0 && strchr (" ,;:-", s[cut - 1]))
    cut--;
  s[cut] = '\0';
  char *r = xasprintf ("%s\xE2\x80\xA6", s);
  free (s);
  return r;
}

static void
meta_headline (struct xctx *x)
{
  struct article *a = x->a;
  if (x->hdr.title)
    {
      a->headline = xstrdup (x->hdr.title);
      return;
    }
  if (x->headline != XNONE)
    {
      a->headline = meta_clean (xpara_text (x, x->headline),
                                a->paras[x->headline].len);
      return;
    }
  size_t lead = XNONE;
  for (size_t i = 0; i < a->n_paras && lead == XNONE; i++)
    if (a->paras[i].role == ROLE_BODY)
      lead = i;
  for (size_t i = 0; i < a->n_paras && lead == XNONE; i++)
    if (a->paras[i].role == ROLE_DEK || a->paras[i].role == ROLE_CAPTION)
      lead = i;
  if (lead == XNONE)
    {
      a->headline = xstrdup ("");
      return;
    }
  a->headline = meta_derive_headline (xpara_text (x, lead),
                                      a->paras[lead].len);
  a->headline_derived = true;
}

static void
meta_date (struct xctx *x)
{
  struct article *a = x->a;
  if (x->hdr.date.precision != DATE_PREC_NONE)
    {
      a->date = x->hdr.date;
      return;
    }
  /* "date 2021-04 A visitor ...": the file says when it is from. */
  size_t first = 0;
  while (first < a->n_paras && a->paras[first].role == ROLE_HEADER)
    first++;
  if (first < a->n_paras && strncmp (xpara_fold (x, first), "date ", 5) == 0)
    {
      const char *s = xpara_text (x, first) + 4;
      size_t n = MIN (a->paras[first].len - 4, 48), st;
      struct date d;
      if (date_find (s, n, x->now, &d, &st, NULL) && st <= 2)
        {
          a->date = d;
          return;
        }
    }
  for (size_t i = 0; i < a->n_paras; i++)
    if (a->paras[i].role == ROLE_DATELINE && !x->px[i].tail
        && xpara_date (x, i))
      {
        a->date = x->px[i].date;
        return;
      }
}

static void
meta_authors (struct xctx *x)
{
  struct article *a = x->a;
  if (x->hdr.authors.n)
    {
      for (size_t i = 0; i < x->hdr.authors.n; i++)
        strv_add (&a->authors, x->hdr.authors.v[i]);
      return;
    }
  /* Bylines were read in meta_sources; add names from the author box. */
  for (size_t i = 0; i < a->n_paras; i++)
    {
      const char *s = xpara_text (x, i);
      size_t n = a->paras[i].len;
      if (x->px[i].bio)
        {
          static const char *const verbs[] = { " is ", " was ", " has ",
                                               " writes ", " covers ",
                                               " reports ", " joined ",
                                               " ist ", " est " };
          size_t best = SIZE_MAX;
          for (size_t v = 0; v < ARRAY_SIZE (verbs); v++)
            {
              const char *at = memmem (s, MIN (n, 120), verbs[v],
                                       strlen (verbs[v]));
              if (at && (size_t) (at - s) < best)
                best = (size_t) (at - s);
            }
          if (best != SIZE_MAX && extract_name_shaped (s, best))
            meta_add_author (a, s, best);
        }
    }
}

static void
meta_body (struct xctx *x)
{
  struct article *a = x->a;
  struct buf b;
  /* Paragraphs joined by two newlines: about as long as the text. */
  extract_buf_init (&b, a->text_len + a->n_paras);
  for (size_t i = 0; i < a->n_paras; i++)
    {
      if (a->paras[i].role != ROLE_BODY)
        continue;
      if (b.len)
        buf_add (&b, "\n\n", 2);
      const char *s = xpara_text (x, i);
      size_t n = a->paras[i].len, from = 0;
      /* Hard-wrapped lines become one line. */
      for (const char *nl; (nl = memchr (s + from, '\n', n - from));)
        {
          size_t e = (size_t) (nl - s);
          buf_add (&b, s + from, extract_trim_end (s + from, e - from));
          buf_addc (&b, ' ');
          from = e + 1;
          while (from < n && (s[from] == ' ' || s[from] == '\t'))
            from++;
        }
      buf_add (&b, s + from, n - from);
    }
  a->body_len = b.len;
  a->body = buf_steal (&b);
  a->words = text_count_words (a->body, a->body_len);
}

void
extract_meta (struct xctx *x)
{
  struct article *a = x->a;
  struct meta m = { x, { NULL, 0 }, { NULL, 0 } };

  /* Header fields win. */
  if (x->hdr.source)
    {
      if (!meta_offer_known (&m, x->hdr.source, strlen (x->hdr.source),
                             false, 100, 95))
        meta_offer (&m.outlet, x->hdr.source, strlen (x->hdr.source), 100);
      else if (m.outlet.score < 100)
        meta_offer (&m.outlet, m.agency.name, strlen (m.agency.name), 100);
    }
  if (x->hdr.agency)
    {
      enum outlet_kind kind;
      const char *c = outlets_lookup (x->rules, x->hdr.agency,
                                      strlen (x->hdr.agency), &kind);
      const char *v = c ? c : x->hdr.agency;
      meta_offer (&m.agency, v, strlen (v), 100);
    }
  if (x->hdr.url)
    {
      a->url = xstrdup (x->hdr.url);
      enum outlet_kind kind;
      const char *c = outlets_lookup_host (x->rules, a->url, &kind);
      if (c)
        meta_offer (kind == OUTLET_AGENCY ? &m.agency : &m.outlet, c,
                    strlen (c), 90);
    }

  meta_headline (x);
  if (x->hdr.dek)
    a->dek = xstrdup (x->hdr.dek);
  else if (x->dek != XNONE)
    {
      const char *s = xpara_text (x, x->dek);
      size_t n = a->paras[x->dek].len;
      a->dek = meta_clean (s, n);
    }
  meta_date (x);
  meta_sources (&m);
  if (x->hdr.authors.n)
    {
      /* Bylines found in the text give way to the header's names. */
      strv_free (&a->authors);
    }
  meta_authors (x);

  a->outlet = m.outlet.name;
  a->agency = m.agency.name;
  meta_body (x);
}
