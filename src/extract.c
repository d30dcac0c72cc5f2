/* extract.c: paragraphs and their features; the entry point of extraction.

   Every paragraph is folded once (a bounded prefix of it) and the cue
   tables below run over the folded text in one pass, through an index on
   the first two bytes of each cue, so the cost is linear in the text and
   independent of how many cues there are. */
#include "system.h"
#include "extract.h"
#include "extract-int.h"

#include <pthread.h>

#include "swar.h"
#include "text.h"

/* ---- folding ------------------------------------------------------------ */

/* text_fold, then one spelling for look-alike punctuation and one space for
   any run of white space, so cue tables can be written in plain ASCII. */
void
extract_fold (const char *s, size_t n, struct buf *out)
{
  text_fold (s, n, out);
  if (out->data == NULL)
    {
      buf_add (out, "", 0);
      return;
    }
  unsigned char *d = (unsigned char *) out->data;
  size_t r = 0, w = 0, len = out->len;
  while (r < len && (d[r] == ' ' || d[r] == '\t' || d[r] == '\n'))
    r++;
  while (r < len)
    {
      unsigned char c = d[r];
      if (c > ' ' && c != 0xE2)
        {
          d[w++] = c;
          r++;
          continue;
        }
      if (c == ' ' || c == '\t' || c == '\n')
        {
          while (r < len && (d[r] == ' ' || d[r] == '\t' || d[r] == '\n'))
            r++;
          if (r < len)
            d[w++] = ' ';
          continue;
        }
      if (c == 0xE2 && r + 2 < len && d[r + 1] == 0x80)
        {
          unsigned char c2 = d[r + 2];
          char rep = 0;
          if (c2 == 0x98 || c2 == 0x99)         /* single quotes */
            rep = '\'';
          else if (c2 == 0x9C || c2 == 0x9D)    /* double quotes */
            rep = '"';
          else if (c2 >= 0x90 && c2 <= 0x95)    /* hyphens and dashes */
            rep = '-';
          if (rep)
            {
              d[w++] = (unsigned char) rep;
              r += 3;
              continue;
            }
        }
      d[w++] = c;
      r++;
    }
  out->len = w;
  d[w] = '\0';
}

/* An empty buffer with room for 'room' bytes, so that filling it does not
   reallocate (and copy) it a dozen times on the way; it still grows past
   that as any buffer does. */
void
extract_buf_init (struct buf *b, size_t room)
{
  b->alloc = room + 1;
  b->data = xmalloc (b->alloc);
  b->data[0] = '\0';
  b->len = 0;
}

/* ---- cue tables --------------------------------------------------------- */

enum cue_where
{
  CW_ANY,       /* anywhere in the folded prefix */
  CW_START,     /* at the first word */
  CW_WHOLE      /* the whole paragraph (digits and punctuation may follow) */
};

struct cue
{
  const char *s;
  unsigned char kind;
  unsigned char where;
};

#define S(s) { s, CUE_CHROME, CW_START }
#define W(s) { s, CUE_CHROME, CW_WHOLE }
#define X(s) { s, CUE_CHROME_STRONG, CW_ANY }
#define T(s) { s, CUE_TAIL, CW_START }
#define C(s) { s, CUE_COMMENTS, CW_START }
#define R(s) { s, CUE_CREDIT, CW_ANY }
#define CS(s) { s, CUE_CAPTION_START, CW_START }
#define CV(s) { s, CUE_CAPTION_VERB, CW_ANY }
#define D(s) { s, CUE_DATE_LABEL, CW_START }
#define B(s) { s, CUE_BYLINE, CW_START }
#define O(s) { s, CUE_BIO, CW_ANY }
#define Y(s) { s, CUE_SELF, CW_ANY }
#define A(s) { s, CUE_ATTRIB, CW_ANY }
#define K(s) { s, CUE_CHROME_READER, CW_ANY }

static const struct cue extract_cues[] = {
  /* Site chrome, at the start of a short paragraph. */
  S ("sign in"), S ("sign up"), S ("log in"), S ("login"), S ("log out"),
  S ("register"), S ("registration"), S ("create an account"),
  S ("create a free account"), S ("already have an account"),
  S ("already a subscriber"), S ("forgot your password"),
  S ("reset your password"), S ("subscribe"), S ("subscription"),
  S ("newsletter"), S ("get our newsletter"), S ("sign up for"),
  S ("follow us"), S ("click here"), S ("read more"), S ("continue reading"),
  S ("see also"), S ("more from"), S ("thank you for"), S ("thanks for"),
  S ("your support"), S ("support our"), S ("support us"), S ("donate"),
  S ("please refresh"), S ("please enable"), S ("please sign in"),
  S ("please log in"), S ("please subscribe"), S ("stay up to date"),
  S ("get notified"), S ("notifications"), S ("enable notifications"),
  S ("skip to"), S ("jump to"), S ("privacy policy"), S ("terms of use"),
  S ("terms of service"), S ("cookie"), S ("cookies"), S ("we use cookies"),
  S ("this website uses"), S ("this site uses"), S ("accept all"),
  S ("manage preferences"), S ("manage cookies"), S ("advertisement"),
  S ("sponsored content"), S ("download the"), S ("get the app"),
  S ("listen to this article"), S ("listen to article"), S ("tags"),
  S ("topics"), S ("filed under"), S ("copyright"), S ("all rights reserved"),
  S ("report an error"), S ("report a typo"), S ("contact us"),
  S ("about us"), S ("about the author"), S ("editing by"), S ("welcome to"),
  S ("share this"), S ("share on"), S ("share via"), S ("share article"),
  S ("share story"), S ("email this"), S ("print this"),
  S ("anmelden"), S ("jetzt abonnieren"), S ("abonnieren sie"),
  S ("melden sie sich"), S ("registrieren"), S ("zur startseite"),
  S ("datenschutz"), S ("impressum"), S ("alle rechte vorbehalten"),
  S ("artikel teilen"), S ("lesen sie auch"), S ("lesen sie mehr"),
  S ("se connecter"), S ("connectez-vous"), S ("inscrivez-vous"),
  S ("abonnez-vous"), S ("s'abonner"), S ("lire aussi"), S ("a lire aussi"),
  S ("lire la suite"), S ("voir aussi"), S ("suivez-nous"),
  S ("tous droits reserves"), S ("iniciar sesion"), S ("inicia sesion"),
  S ("registrate"), S ("suscribete"), S ("suscribirse"), S ("lee tambien"),
  S ("leer mas"), S ("siguenos"), S ("todos los derechos reservados"),
  S ("accedi"), S ("iscriviti"), S ("abbonati"), S ("leggi anche"),
  S ("seguici"), S ("tutti i diritti riservati"),
  /* Site chrome when it is all the paragraph says. */
  W ("share"), W ("print"), W ("email"), W ("tweet"), W ("menu"),
  W ("home"), W ("search"), W ("close"), W ("loading"), W ("advertising"),
  W ("ad"), W ("sponsored"), W ("facebook"), W ("twitter"), W ("whatsapp"),
  W ("linkedin"), W ("reddit"), W ("pinterest"), W ("copy link"),
  W ("werbung"), W ("anzeige"), W ("teilen"), W ("publicite"),
  W ("partager"), W ("publicidad"), W ("compartir"), W ("pubblicita"),
  W ("condividi"), W ("newsletter"), W ("related"), W ("video"),
  W ("watch"), W ("listen"), W ("photos"), W ("gallery"), W ("accept"),
  W ("i accept"), W ("agree"), W ("i agree"), W ("got it"), W ("ok"),
  S ("accept all"), S ("accept additional"), S ("reject all"),
  S ("reject additional"), S ("show purposes"), S ("manage settings"),
  S ("manage options"), S ("cookie settings"), S ("privacy settings"),
  /* Site chrome wherever it appears. */
  X ("we use cookies"), X ("uses cookies"), X ("use of cookies"),
  X ("cookie policy"), X ("cookie settings"), X ("accept cookies"),
  X ("privacy policy"), X ("your donation"), X ("make a donation"),
  X ("donate now"), X ("your support"), X ("support our journalism"),
  X ("support independent journalism"), X ("quality journalism"),
  X ("paywall"), X ("paywalls"), X ("subscribe now"),
  X ("subscribe to our newsletter"), X ("sign up for our newsletter"),
  X ("sign up to our newsletter"), X ("already a subscriber"),
  X ("to continue reading"), X ("log in to continue"), X ("logged in"),
  X ("thank you for registering"), X ("in browser preferences"),
  X ("browser settings"), X ("turn on notifications"),
  X ("registration is free"), X ("sign in to"), X ("reset your password"),
  X ("all rights reserved"), X ("subscribers only"), X ("ad blocker"),
  X ("adblocker"), X ("enable javascript"), X ("javascript is disabled"),
  X ("share this article"), X ("share this story"),
  X ("share on facebook"), X ("share on twitter"), X ("follow us on"),
  X ("download our app"), X ("click here to"), X ("terms of service"),
  X ("may not be published, broadcast, rewritten or redistributed"),
  X ("reproduction without permission"), X ("this comment has been removed"),
  X ("alle rechte vorbehalten"), X ("wir verwenden cookies"),
  X ("jetzt abonnieren"), X ("tous droits reserves"),
  X ("nous utilisons des cookies"), X ("abonnez-vous"),
  X ("todos los derechos reservados"), X ("utilizamos cookies"),
  X ("suscribete"), X ("tutti i diritti riservati"),
  X ("utilizziamo i cookie"),
  /* The article is over: related, recommended, more. */
  T ("related stories"), T ("related articles"), T ("related news"),
  T ("related content"), T ("related posts"), T ("related coverage"),
  T ("related topics"), T ("related reading"), T ("related"),
  T ("explore further"), T ("recommended for you"),
  T ("recommended stories"), T ("recommended articles"), T ("recommended"),
  T ("more stories"), T ("more from"), T ("more on this story"),
  T ("more news"), T ("you may also like"), T ("you might also like"),
  T ("you may be interested in"), T ("read next"), T ("up next"),
  T ("what to read next"), T ("most popular"), T ("most read"),
  T ("most viewed"), T ("trending"), T ("latest news"), T ("latest stories"),
  T ("top stories"), T ("editor's picks"), T ("editors' picks"),
  T ("don't miss"), T ("further reading"), T ("mehr zum thema"),
  T ("weitere artikel"), T ("das konnte sie auch interessieren"),
  T ("auch interessant"), T ("meistgelesen"), T ("sur le meme sujet"),
  T ("dans la meme rubrique"), T ("les plus lus"),
  T ("noticias relacionadas"), T ("te puede interesar"), T ("lo mas leido"),
  T ("articoli correlati"), T ("potrebbe interessarti"), T ("i piu letti"),
  /* Comments start. */
  C ("comments"), C ("comment"), C ("display comments"),
  C ("adjust slider to filter visible comments"), C ("leave a comment"),
  C ("leave a reply"), C ("add a comment"), C ("post a comment"),
  C ("join the discussion"), C ("join the conversation"),
  C ("show comments"), C ("view comments"), C ("reader comments"),
  C ("readers' comments"), C ("discussion"), C ("kommentare"),
  C ("kommentar schreiben"), C ("leserkommentare"), C ("commentaires"),
  C ("reagir"), C ("comentarios"), C ("commenti"),
  { "not rated yet", CUE_COMMENT_LINE, CW_START },
  { "this comment has been removed", CUE_COMMENT_LINE, CW_START },
  { "report abuse", CUE_COMMENT_LINE, CW_START },
  /* Picture credits and captions. */
  R ("ap photo"), R ("afp photo"), R ("afp via getty"), R ("getty images"),
  R ("image credit"), R ("photo credit"), R ("picture credit"),
  R ("photograph:"), R ("photo:"), R ("photos:"), R ("foto:"), R ("bild:"),
  R ("image:"), R ("credit:"), R ("credits:"), R ("shutterstock"),
  R ("reuters/"), R ("epa-efe"), R ("epa/"), R ("handout photo"),
  R ("handout picture"), R ("file photo"), R ("picture alliance"),
  R ("imago images"), R ("photo by"), R ("photos by"),
  R ("photograph by"), R ("image by"), R ("illustration by"),
  R ("copyright"),
  CS ("an artist's"), CS ("artist's"), CS ("an illustration"),
  CS ("this image"), CS ("this photo"), CS ("this picture"),
  CS ("this undated"), CS ("this handout"), CS ("this file photo"),
  CS ("in this photo"), CS ("in this image"), CS ("in this file"),
  CS ("in this undated"), CS ("in this handout"), CS ("file photo"),
  CS ("file picture"), CS ("pictured"), CS ("photo:"), CS ("image:"),
  CS ("caption:"), CS ("above:"), CS ("top:"), CS ("main picture"),
  CS ("foto:"), CS ("bild:"), CS ("photo d'illustration"),
  CV ("pictured"), CV ("is seen"), CV ("are seen"), CV ("seen here"),
  CV ("looks on"), CV ("look on"), CV ("poses for"), CV ("pose for"),
  CV ("gestures"), CV ("blasts off"), CV ("lifts off"), CV ("waves to"),
  CV ("arrives for"), CV ("arrives at"), CV ("speaks during"),
  CV ("speaks at"), CV ("attends"), CV ("walks past"), CV ("walk past"),
  /* Date labels. */
  D ("published"), D ("updated"), D ("posted"), D ("last updated"),
  D ("last modified"), D ("first published"), D ("modified"), D ("date"),
  D ("veroffentlicht"), D ("aktualisiert"), D ("stand"), D ("publie"),
  D ("mis a jour"), D ("publicado"), D ("actualizado"), D ("pubblicato"),
  D ("aggiornato"),
  /* Bylines. */
  B ("by"), B ("von"), B ("par"), B ("por"), B ("di"), B ("door"), B ("av"),
  B ("via"), B ("written by"), B ("words by"), B ("story by"),
  B ("reporting by"), B ("additional reporting by"), B ("text by"),
  B ("text:"), B ("autor:"), B ("autorin:"), B ("auteur:"), B ("author:"),
  B ("reportage"),
  /* Author bios and titles. */
  O ("journalist"), O ("reporter"), O ("writer"), O ("editor"),
  O ("correspondent"), O ("columnist"), O ("contributor"),
  O ("freelance"), O ("has written for"), O ("has been reporting"),
  O ("has been writing"), O ("has been covering"), O ("writes about"),
  O ("writes for"), O ("redakteur"), O ("redakteurin"),
  O ("korrespondent"), O ("korrespondentin"), O ("journalistin"),
  O ("journaliste"), O ("correspondant"), O ("correspondante"),
  O ("redacteur"), O ("redactrice"), O ("periodista"), O ("corresponsal"),
  O ("redactor"), O ("redactora"), O ("giornalista"),
  O ("corrispondente"), O ("redattore"),
  /* The site talking to the reader. */
  Y ("we"), Y ("our"), Y ("you"), Y ("your"), Y ("wir"), Y ("unsere"),
  Y ("nous"), Y ("notre"), Y ("vous"), Y ("votre"), Y ("nuestro"),
  Y ("nuestra"), Y ("noi"), Y ("nostro"),
  /* Attribution to an outlet or agency (read in extract-meta.c). */
  A ("told"), A ("reports"), A ("reported"), A ("has learned"),
  A ("has learnt"), A ("can reveal"), A ("can exclusively reveal"),
  A ("has been told"),
  /* Chrome when addressed to the reader. */
  K ("cookies"), K ("cookie"), K ("newsletter"), K ("newsletters"),
  K ("inbox"), K ("subscribe"), K ("subscription"), K ("sign in"),
  K ("log in"), K ("notifications"), K ("browser"), K ("personalised ads"),
  K ("personalized ads"), K ("consent"), K ("privacy"), K ("javascript"),
  K ("our partners"), K ("our app"), K ("our podcast"), K ("donate"),
  K ("donation"), K ("paywall"), K ("abonnement"), K ("abonnieren"),
  K ("datenschutz"), K ("s'abonner"), K ("suscripcion"),
};

#undef S
#undef W
#undef X
#undef T
#undef C
#undef R
#undef CS
#undef CV
#undef D
#undef B
#undef O
#undef Y
#undef A
#undef K

#define CUE_HASH_SIZE 4096

/* Chains of cues by the hash of their first word, so each word of the text
   costs one hash and, almost always, an empty chain.  Cues that only match
   at the first word have chains of their own, walked only there, so that
   "a", "in" or "this" later on cost nothing. */
struct cue_index
{
  uint16_t head_any[CUE_HASH_SIZE];     /* 0: empty, else index + 1 */
  uint16_t head_start[CUE_HASH_SIZE];   /* CW_START and CW_WHOLE cues */
  uint16_t next[ARRAY_SIZE (extract_cues)];
  unsigned char len[ARRAY_SIZE (extract_cues)];
};

/* Typographic quotes and dashes (U+2010..U+201F) separate words as their
   ASCII look-alikes do; returns their length, or 0. */
static inline size_t
cue_sep (const unsigned char *p, size_t n)
{
  return n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x90
         && p[2] <= 0x9F ? 3 : 0;
}

/* cue_alnum_at of a byte: 1 yes, 0 no, 2 when it depends on the next
   bytes (0xE2 may start a typographic quote or dash). */
#define CUE_A(c) \
  ((c) == 0xE2 ? 2 : (c) >= 0x80 || ((c) | 0x20) - 'a' < 26u \
   || (c) - '0' < 10u ? 1 : 0)
#define CUE_A4(c) CUE_A (c), CUE_A (c + 1), CUE_A (c + 2), CUE_A (c + 3)
#define CUE_A16(c) CUE_A4 (c), CUE_A4 (c + 4), CUE_A4 (c + 8), CUE_A4 (c + 12)
#define CUE_A64(c) \
  CUE_A16 (c), CUE_A16 (c + 16), CUE_A16 (c + 32), CUE_A16 (c + 48)

static const unsigned char cue_alnum_byte[256] = {
  CUE_A64 (0u), CUE_A64 (64u), CUE_A64 (128u), CUE_A64 (192u)
};

#undef CUE_A64
#undef CUE_A16
#undef CUE_A4
#undef CUE_A

/* Letters and digits (any other non-ASCII character counts as part of a
   word). */
static inline bool
cue_alnum_at (const unsigned char *p, size_t n)
{
  unsigned t = cue_alnum_byte[p[0]];
  return t == 2 ? cue_sep (p, n) == 0 : t;
}

static inline bool
cue_letter_at (const unsigned char *p, size_t n)
{
  return cue_alnum_at (p, n) && !(p[0] >= '0' && p[0] <= '9');
}

/* Hash of the word at p (its run of letters and digits); *wl its length. */
static inline unsigned
cue_hash (const unsigned char *p, size_t n, size_t *wl)
{
  uint32_t h = 0;
  size_t i = 0;
  for (; i < 6 && i < n && cue_alnum_at (p + i, n - i); i++)
    h = h * 33u + p[i];
  if (i == 6)
    while (i < n && cue_alnum_at (p + i, n - i))
      i++;
  *wl = i;
  h = (h + (uint32_t) i) * 2654435761u;
  return (h >> 16) & (CUE_HASH_SIZE - 1);
}

static struct cue_index cue_index_once;
static pthread_once_t cue_index_done = PTHREAD_ONCE_INIT;

/* Built once: an immutable cache of the constant table above. */
static void
cue_index_init (void)
{
  struct cue_index *ix = &cue_index_once;
  memset (ix->head_any, 0, sizeof ix->head_any);
  memset (ix->head_start, 0, sizeof ix->head_start);
  for (size_t i = ARRAY_SIZE (extract_cues); i-- > 0;)
    {
      const unsigned char *s = (const unsigned char *) extract_cues[i].s;
      size_t l = strlen (extract_cues[i].s), wl;
      unsigned h = cue_hash (s, l, &wl);
      uint16_t *head = extract_cues[i].where == CW_ANY ? ix->head_any
                                                        : ix->head_start;
      ix->len[i] = (unsigned char) l;
      ix->next[i] = head[h];
      head[h] = (uint16_t) (i + 1);
    }
}

/* Whether cue c matches f at i, where one space in the cue stands for any
   run of white space and ' " - for their typographic forms.  Returns the
   end of the match, or 0. */
static size_t
cue_match (const unsigned char *f, size_t n, size_t i, const char *c)
{
  size_t j = i;
  for (const unsigned char *q = (const unsigned char *) c; *q; q++)
    {
      if (j >= n)
        return 0;
      if (*q == ' ')
        {
          if (f[j] != ' ' && f[j] != '\t' && f[j] != '\n')
            return 0;
          while (j < n && (f[j] == ' ' || f[j] == '\t' || f[j] == '\n'))
            j++;
          continue;
        }
      if (f[j] == *q)
        {
          j++;
          continue;
        }
      if (cue_sep (f + j, n - j))
        {
          unsigned char c2 = f[j + 2];
          if ((*q == '\'' && (c2 == 0x98 || c2 == 0x99))
              || (*q == '"' && (c2 == 0x9C || c2 == 0x9D))
              || (*q == '-' && c2 <= 0x95))
            {
              j += 3;
              continue;
            }
        }
      return 0;
    }
  return j;
}

/* Tries the cues of one chain at the word f[i..i+wl), 'first' being the
   paragraph's first word. */
static void
cue_chain (const struct cue_index *ix, unsigned c, const unsigned char *f,
           size_t n, size_t i, size_t wl, size_t first, struct xpara *p)
{
  for (; c; c = ix->next[c - 1])
    {
      const struct cue *cu = &extract_cues[c - 1];
      if (cu->s[0] != f[i] || ix->len[c - 1] < wl)
        continue;
      size_t e = cue_match (f, n, i, cu->s);
      if (e == 0)
        continue;
      if (e < n && cue_alnum_at (f + e, n - e)
          && cue_alnum_at ((const unsigned char *) cu->s
                           + ix->len[c - 1] - 1, 1))
        continue;
      if (cu->where == CW_WHOLE)
        {
          size_t j = e;
          while (j < n && !cue_letter_at (f + j, n - j))
            j++;
          if (j < n)
            continue;
        }
      if (i == first)
        p->start |= CUE_BIT (cu->kind);
      if (cu->where == CW_ANY)
        p->any |= CUE_BIT (cu->kind);
    }
}

/* Runs every cue over the folded text f[0..n). */
static void
cue_scan (const struct cue_index *ix, const char *fs, size_t n,
          struct xpara *p)
{
  const unsigned char *f = (const unsigned char *) fs;
  size_t first = 0;
  while (first < n && !cue_letter_at (f + first, n - first))
    first++;
  size_t i = first;
  while (i < n)
    {
      size_t wl;
      unsigned h = cue_hash (f + i, n - i, &wl);
      if (i == first && ix->head_start[h])
        cue_chain (ix, ix->head_start[h], f, n, i, wl, first, p);
      if (ix->head_any[h])
        cue_chain (ix, ix->head_any[h], f, n, i, wl, first, p);
      /* The next word. */
      i += wl ? wl : 1;
      while (i < n && !cue_alnum_at (f + i, n - i))
        i++;
    }
}

/* ---- paragraphs --------------------------------------------------------- */

/* White space: ASCII blanks, no-break and typographic spaces, BOM. */
bool
extract_is_space (const char *s, size_t n, size_t *clen)
{
  const unsigned char *u = (const unsigned char *) s;
  if (n >= 1 && (u[0] == ' ' || u[0] == '\t' || u[0] == '\n'))
    {
      *clen = 1;
      return true;
    }
  if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
    {
      *clen = 2;
      return true;
    }
  if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80
      && (u[2] <= 0x8B || u[2] == 0xAF))
    {
      *clen = 3;
      return true;
    }
  if (n >= 3 && ((u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
                 || (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
                 || (u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F)))
    {
      *clen = 3;
      return true;
    }
  return false;
}

/* Length of s[0..n) without trailing white space. */
size_t
extract_trim_end (const char *s, size_t n)
{
  while (n > 0)
    {
      unsigned char c = (unsigned char) s[n - 1];
      size_t back = 1, cl;
      if (c >= 0x80)
        {
          while (back < n && back < 4
                 && ((unsigned char) s[n - back] & 0xC0) == 0x80)
            back++;
        }
      if (!extract_is_space (s + n - back, back, &cl) || cl != back)
        break;
      n -= back;
    }
  return n;
}

static size_t
extract_skip_space (const char *s, size_t n)
{
  size_t i = 0, cl;
  while (i < n && extract_is_space (s + i, n - i, &cl))
    i += cl;
  return i;
}

/* Code points: the bytes that are not UTF-8 continuation bytes. */
static size_t
extract_count_chars (const char *s, size_t n)
{
  size_t c = 0, i = 0;
  for (; i + 8 <= n; i += 8)
    c += 8 - swar_count (swar_continuation (swar_load (s + i)));
  for (; i < n; i++)
    c += ((unsigned char) s[i] & 0xC0) != 0x80;
  return c;
}

/* Runs of bytes other than ' ', '\n' and '\t' in s[0..n). */
static size_t
extract_count_words (const char *s, size_t n)
{
  size_t words = 0, i = 0;
  uint64_t after_space = 0x80;          /* before s[0]: a space, in effect */
  for (; i + 8 <= n; i += 8)
    {
      uint64_t w = swar_load (s + i);
      uint64_t sp = swar_eq (w, ' ') | swar_eq (w, '\n') | swar_eq (w, '\t');
      uint64_t starts = ~sp & SWAR_HIGHS & (sp << 8 | after_space);
      words += swar_count (starts);
      after_space = sp >> 56;
    }
  bool in = after_space == 0;
  for (; i < n; i++)
    {
      unsigned char c = (unsigned char) s[i];
      bool sp = c == ' ' || c == '\n' || c == '\t';
      words += !sp && !in;
      in = !sp;
    }
  return words;
}

struct xline
{
  size_t off, len;      /* trimmed, in the text */
  size_t chars;
};

static void
extract_add_para (struct xctx *x, size_t off, size_t len, unsigned lines)
{
  struct article *a = x->a;
  size_t old = x->n_alloc;
  a->paras = xgrow (a->paras, &x->n_alloc, a->n_paras + 1, sizeof *a->paras);
  if (x->n_alloc != old)
    x->px = xrealloc (x->px, x->n_alloc * sizeof *x->px);
  a->paras[a->n_paras].off = off;
  a->paras[a->n_paras].len = len;
  a->paras[a->n_paras].role = ROLE_BODY;
  memset (&x->px[a->n_paras], 0, sizeof *x->px);
  x->px[a->n_paras].lines = lines;
  a->n_paras++;
}

/* Whether line 'l' continues onto the next one: hard-wrapped prose has
   lines of similar length near the block's widest; short lines stand on
   their own ("Via AP news wire", a date, a name). */
static bool
extract_wraps (const struct xline *l, size_t widest, const char *text)
{
  if (l->chars >= 40 && widest <= 160 && l->chars * 10 >= widest * 6)
    return true;
  /* A line cut mid-sentence: the next one starts in lower case. */
  const struct xline *nx = l + 1;
  unsigned char last = (unsigned char) text[l->off + l->len - 1];
  unsigned char c = (unsigned char) text[nx->off];
  return l->chars >= 20 && c >= 'a' && c <= 'z' && last != '.'
         && last != '!' && last != '?' && last != ':';
}

static void
extract_block (struct xctx *x, const struct xline *lines, size_t n)
{
  size_t widest = 0;
  for (size_t i = 0; i < n; i++)
    widest = MAX (widest, lines[i].chars);
  size_t start = 0;
  for (size_t i = 0; i < n; i++)
    if (i + 1 == n || !extract_wraps (&lines[i], widest, x->a->text))
      {
        size_t off = lines[start].off;
        extract_add_para (x, off, lines[i].off + lines[i].len - off,
                          (unsigned) (i - start + 1));
        start = i + 1;
      }
}

/* Splits text[from..) into paragraphs: blank lines separate blocks, and a
   block is cut into its lines unless they are wrapped prose. */
static void
extract_split (struct xctx *x, size_t from)
{
  const char *t = x->a->text;
  size_t len = x->a->text_len;
  struct xline *lines = NULL;
  size_t n_lines = 0, a_lines = 0;
  size_t i = from;
  while (i < len)
    {
      const char *nl = memchr (t + i, '\n', len - i);
      size_t end = nl ? (size_t) (nl - t) : len;
      size_t b = i + extract_skip_space (t + i, end - i);
      size_t e = b + extract_trim_end (t + b, end - b);
      if (e > b)
        {
          lines = xgrow (lines, &a_lines, n_lines + 1, sizeof *lines);
          lines[n_lines].off = b;
          lines[n_lines].len = e - b;
          lines[n_lines].chars = extract_count_chars (t + b, e - b);
          n_lines++;
        }
      else if (n_lines)
        {
          extract_block (x, lines, n_lines);
          n_lines = 0;
        }
      i = end + 1;
    }
  if (n_lines)
    extract_block (x, lines, n_lines);
  free (lines);
}

/* ---- features ----------------------------------------------------------- */

static void
extract_shape (const char *s, size_t n, struct xpara *p)
{
  size_t words = extract_count_words (s, n);
  size_t chars = extract_count_chars (s, n);
  p->words = (unsigned) MIN (words, UINT32_MAX);
  p->chars = (unsigned) MIN (chars, UINT32_MAX);

  /* The last character that is not a closing quote or bracket. */
  size_t e = n;
  while (e > 0)
    {
      unsigned char c = (unsigned char) s[e - 1];
      if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*')
        e--;
      else if (e >= 3 && (unsigned char) s[e - 3] == 0xE2
               && (unsigned char) s[e - 2] == 0x80
               && ((unsigned char) s[e - 1] == 0x9D
                   || (unsigned char) s[e - 1] == 0x99))
        e -= 3;
      else
        break;
    }
  if (e >= 3 && memcmp (s + e - 3, "...", 3) == 0)
    p->end_ellipsis = true;
  else if (e >= 3 && memcmp (s + e - 3, "\xE2\x80\xA6", 3) == 0)
    p->end_ellipsis = true;
  else if (e >= 1 && (s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == '?'))
    p->end_punct = true;
  else if (e >= 3 && (memcmp (s + e - 3, "\xE3\x80\x82", 3) == 0
                      || memcmp (s + e - 3, "\xEF\xBC\x81", 3) == 0
                      || memcmp (s + e - 3, "\xEF\xBC\x9F", 3) == 0))
    p->end_punct = true;

  for (size_t i = 0; i < n; i++)
    {
      unsigned char c = (unsigned char) s[i];
      if (c >= 'a' && c <= 'z')
        {
          p->lower_start = true;
          break;
        }
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80)
        break;
    }
}

static void
extract_features (struct xctx *x)
{
  pthread_once (&cue_index_done, cue_index_init);
  const struct cue_index *ix = &cue_index_once;
  struct buf tmp;
  extract_buf_init (&tmp, XFOLD_MAX);
  /* Folding seldom makes text longer: room for all of it, once. */
  extract_buf_init (&x->fold, x->a->text_len + x->a->n_paras);
  for (size_t i = 0; i < x->a->n_paras; i++)
    {
      const struct para *pa = &x->a->paras[i];
      struct xpara *p = &x->px[i];
      const char *s = x->a->text + pa->off;
      size_t n = pa->len;
      extract_shape (s, n, p);
      if (n > XFOLD_MAX)
        {
          n = XFOLD_MAX;
          while (n > 0 && ((unsigned char) s[n] & 0xC0) == 0x80)
            n--;
        }
      text_fold (s, n, &tmp);
      if (tmp.data == NULL)
        buf_add (&tmp, "", 0);
      p->fold_off = x->fold.len;
      p->fold_len = tmp.len;
      buf_add (&x->fold, tmp.data, tmp.len);
      buf_addc (&x->fold, '\0');
    }
  /* The buffer may move while it grows: scan once it is complete. */
  for (size_t i = 0; i < x->a->n_paras; i++)
    cue_scan (ix, x->fold.data + x->px[i].fold_off, x->px[i].fold_len,
              &x->px[i]);
  buf_free (&tmp);
}

const char *
xpara_text (const struct xctx *x, size_t i)
{
  return x->a->text + x->a->paras[i].off;
}

const char *
xpara_fold (const struct xctx *x, size_t i)
{
  return x->fold.data + x->px[i].fold_off;
}

/* The first date in paragraph i, looked for once and only in short
   paragraphs (a dateline is short; long ones are prose). */
bool
xpara_date (struct xctx *x, size_t i)
{
  struct xpara *p = &x->px[i];
  if (p->date_state == 0)
    {
      p->date_state = -1;
      size_t n = x->a->paras[i].len;
      if (n <= 400 && date_find (xpara_text (x, i), n, x->now, &p->date,
                                 &p->date_start, &p->date_end))
        p->date_state = 1;
    }
  return p->date_state == 1;
}

/* ---- entry point -------------------------------------------------------- */

void
extract_article (const char *text, size_t len, const struct outlets *rules,
                 int64_t now, struct article *a)
{
  struct xctx x;
  memset (&x, 0, sizeof x);
  x.a = a;
  x.rules = rules;
  x.now = now;
  x.headline = x.dek = XNONE;

  a->text = xmalloc (len + 1);
  if (len)
    memcpy (a->text, text, len);
  a->text[len] = '\0';
  a->text_len = len;

  size_t body_from = 0;
  extract_header (&x, &body_from);
  if (x.hdr.present)
    {
      size_t b = extract_skip_space (a->text, body_from);
      extract_add_para (&x, b, extract_trim_end (a->text + b, body_from - b),
                        1);
      a->paras[0].role = ROLE_HEADER;
    }
  extract_split (&x, body_from);
  extract_features (&x);
  extract_roles (&x);
  extract_meta (&x);

  extract_header_free (&x.hdr);
  buf_free (&x.fold);
  free (x.px);
}
