/* wdiff.h: word-level diff of two texts, paragraphs aligned first.

   Both texts are split into paragraphs at blank lines and into tokens as
   search sees them (wordseq.h: punctuation is a token of its own; tokens
   compare by their folded, typography-normalised form, so curly versus
   straight quotes or a soft hyphen are not edits).  Paragraphs are aligned
   by similarity, in order where possible; a paragraph that matches one
   elsewhere is 'moved', and its words are diffed against it like any aligned
   pair.  Inside a pair, words are matched by patience diff with histogram
   and small-DP fallbacks (no O(n*m) memory on big inputs), then tiny
   unchanged runs between two changes are merged into them.

   Pure: no I/O.  A struct wdiff borrows the two texts (they must outlive
   it) and owns its arrays; wdiff_free releases them. */
#ifndef BYLINE_WDIFF_H
#define BYLINE_WDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

enum wdiff_kind
{
  WDIFF_EQUAL,
  WDIFF_DELETE,               /* only in the left text */
  WDIFF_INSERT,               /* only in the right text */
  WDIFF_REPLACE               /* left range replaced by right range */
};

/* One run of tokens.  Byte ranges are into the whole left (a) and right (b)
   text; a range runs from its first token's start to its last token's end.
   An empty range (len 0) sits where the run would be on that side. */
struct wdiff_op
{
  enum wdiff_kind kind;
  size_t a_off, a_len;
  size_t b_off, b_len;
  size_t a_words, b_words;    /* word tokens in each range */
};

struct wdiff_range
{
  size_t off, len;
};

/* One row of the alignment, in display order (right text order, deleted
   paragraphs where they were).  left/right index a_paras/b_paras, -1 when
   the paragraph exists on one side only. */
struct wdiff_pair
{
  ptrdiff_t left, right;
  bool moved;                 /* aligned out of order */
  bool echo;                  /* the left paragraph exists on the left only
                                 but contains most of the right one, which
                                 is aligned elsewhere too (a caption or dek
                                 repeating a sentence of the body): diffed
                                 against it for reading; the summary counts
                                 the left paragraph as removed */
  double similarity;          /* words: 2*equal / (left + right), [0,1] */
  size_t op, n_ops;           /* its ops: ops[op .. op+n_ops) */
};

struct wdiff_summary
{
  size_t words_added;         /* word tokens only in the right text */
  size_t words_removed;       /* only in the left text */
  size_t words_changed;       /* replaced one for one */
  size_t words_equal;
  size_t left_words, right_words;
  size_t paras_moved, paras_added, paras_removed;
  double similarity;          /* 2*equal / (left + right) words; 1 for two
                                 empty texts */
};

struct wdiff
{
  const char *a, *b;          /* borrowed */
  size_t a_len, b_len;
  struct wdiff_range *a_paras, *b_paras;
  size_t n_a_paras, n_b_paras;
  struct wdiff_pair *pairs;
  size_t n_pairs;
  struct wdiff_op *ops;
  size_t n_ops;
  struct wdiff_summary sum;
};

struct wdiff_params
{
  double para_min;            /* in-order paragraph alignment threshold */
  double move_min;            /* out-of-order (moved) threshold */
  bool cleanup;               /* merge tiny unchanged runs into changes */
};

void wdiff_params_init (struct wdiff_params *p);

/* Diffs a[0..alen) against b[0..blen).  'p' may be NULL for defaults.
   Never fails; fills *d (wdiff_free it). */
void wdiff_run (const char *a, size_t alen, const char *b, size_t blen,
                const struct wdiff_params *p, struct wdiff *d);

void wdiff_free (struct wdiff *d);

/* ---- the token matcher, for reprint verification ----------------------- */

struct wdiff_match
{
  size_t a, b;
};

/* Matches two key sequences: a common subsequence (close to the longest)
   found by patience diff, with histogram diff where nothing is unique and
   exact LCS on small regions.  Writes the matched index pairs, increasing
   in both, to *out (xgrow'd, caller frees); returns their number.  Time
   about O((n+m) log(n+m)) on text, memory O(n+m). */
size_t wdiff_match_keys (const uint64_t *a, size_t n, const uint64_t *b,
                         size_t m, struct wdiff_match **out, size_t *alloc);

/* ---- rendering (wdiff-render.c) ---------------------------------------- */

enum wdiff_style
{
  WDIFF_PLAIN,                /* marks: [-deleted-] {+inserted+} */
  WDIFF_ANSI                  /* SGR colour and attributes, no marks */
};

enum wdiff_attr
{
  WDIFF_ATTR_NONE,
  WDIFF_ATTR_DEL,             /* deleted words (left) */
  WDIFF_ATTR_INS,             /* inserted words (right) */
  WDIFF_ATTR_GUTTER_DEL,      /* "-" gutter: paragraph only on the left */
  WDIFF_ATTR_GUTTER_INS,      /* "+" gutter: paragraph only on the right */
  WDIFF_ATTR_GUTTER_MOVED,    /* "~" gutter: paragraph moved */
  WDIFF_ATTR_GUTTER_CHANGED,  /* "!" gutter: paragraph edited */
  WDIFF_ATTR_SEP              /* the column separator */
};

struct wdiff_span
{
  size_t off, len;            /* bytes in the line's text */
  enum wdiff_attr attr;
};

/* A display line: owned text (no newline) and its attributed spans. */
struct wdiff_line
{
  char *text;
  size_t len;
  int width;                  /* display columns */
  struct wdiff_span *spans;
  size_t n_spans;
};

/* Owns its lines; wdiff_lines_free releases them. */
struct wdiff_lines
{
  struct wdiff_line *v;
  size_t n, alloc;
  int col;                    /* side by side: each column's width */
};

#define WDIFF_LINES_INIT { NULL, 0, 0, 0 }

/* Side-by-side layout in 'width' columns (at least 13): every line is
   exactly 2*col+3 columns wide, where col = (width-3)/2: a left column of
   col, " | ", a right column of col.  Each column is a 2-column gutter
   ("- " left only, "+ " right only, "~ " moved, "! " edited, "  " same;
   an echo pair has "- " on the left and "= " on the right)
   then the paragraph wrapped with text_wrap.  Widths come from
   text_width (wide characters count 2).  PLAIN marks deletions in the
   left column with [- -] and insertions in the right with {+ +}; ANSI
   leaves the marks out (the spans carry them).  A blank line separates
   rows.  Appends to *out. */
void wdiff_layout_side (const struct wdiff *d, int width,
                        enum wdiff_style style, struct wdiff_lines *out);

void wdiff_lines_free (struct wdiff_lines *l);

/* Writes lines to 'out', each ending in '\n'; ANSI adds SGR sequences
   for the spans (PLAIN writes the text only). */
void wdiff_lines_print (const struct wdiff_lines *l, enum wdiff_style style,
                        struct buf *out);

/* Side by side straight to a buffer: wdiff_layout_side then
   wdiff_lines_print. */
void wdiff_render_side (const struct wdiff *d, int width,
                        enum wdiff_style style, struct buf *out);

/* Inline, in the style of dwdiff: "the [-old-]{+new+} text", paragraphs
   separated by blank lines, in display order, a moved paragraph preceded
   by a translated note.  ANSI colours instead of marking. */
void wdiff_render_inline (const struct wdiff *d, enum wdiff_style style,
                          struct buf *out);

#endif
