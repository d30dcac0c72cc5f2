/* query.c: the query language: a lexer, a recursive-descent parser to a
   tree, and the compiler from the tree to SQL over the index.

   Grammar (OR binds tighter than the implicit AND, as in web search
   engines: "a b OR c" is a AND (b OR c)):

     query   := and?
     and     := or ( "AND"? or )*
     or      := unary ( "OR" unary )*
     unary   := ( "NOT" | "-" ) unary | primary
     primary := "(" and ")" | term
     term    := word | word* | "phrase" | "phrase"* | field:value

   The whole query is lexed first, so a lexical error (an unbalanced quote,
   a bad date) is reported before a structural one. */
#include "system.h"
#include "query.h"

#include <inttypes.h>
#include <stdarg.h>
#include <unictype.h>
#include <unistr.h>

#include "buf.h"
#include "date.h"
#include "fts.h"

/* Parentheses and NOTs nested deeper than this are refused: nobody writes
   them, and the SQL nests as deep, where SQLite's parser (before 3.46) and
   FTS5's have a fixed stack of 100 entries, about 3 per level: they
   overflow at about 25 levels of the worst mixes of AND, OR and NOT. */
#define QUERY_MAX_DEPTH 16

/* See struct query_compile. */
#define QUERY_MAX_CONDITIONS 500

enum query_kind
{
  QUERY_EMPTY,          /* no constraint: a term without any word, sort: */
  QUERY_TEXT,
  QUERY_META,
  QUERY_DATE,
  QUERY_AND,
  QUERY_OR,
  QUERY_NOT
};

enum query_field
{
  QUERY_F_NONE,
  QUERY_F_HEADLINE,
  QUERY_F_BODY,
  QUERY_F_OUTLET,
  QUERY_F_AGENCY,
  QUERY_F_AUTHOR,
  QUERY_F_DATE,
  QUERY_F_SORT
};

static const char *const query_field_names[] = {
  [QUERY_F_HEADLINE] = "headline",
  [QUERY_F_BODY] = "body",
  [QUERY_F_OUTLET] = "outlet",
  [QUERY_F_AGENCY] = "agency",
  [QUERY_F_AUTHOR] = "author",
  [QUERY_F_DATE] = "date",
  [QUERY_F_SORT] = "sort",
};

/* Metadata fields and their columns in the articles table. */
static const char *const query_meta_columns[] = {
  [QUERY_F_OUTLET] = "outlet",
  [QUERY_F_AGENCY] = "agency",
  [QUERY_F_AUTHOR] = "authors",
};

static const char *const query_sort_keys[] = {
  "date", "outlet", "headline", "words", "versions", "relevance"
};

struct query_node
{
  enum query_kind kind;
  struct query_node **kids;   /* AND, OR: two or more; NOT: one */
  size_t nkids;
  size_t kids_alloc;
  char *words;                /* TEXT, META: folded words, ' '-separated */
  bool prefix;                /* TEXT, META: the last word is a prefix */
  enum query_field field;     /* TEXT: NONE, HEADLINE or BODY; META */
  int64_t lo;                 /* DATE: lo <= date_key < hi; 0: no bound */
  int64_t hi;                 /* DATE: INT64_MAX: no bound */
  size_t off;                 /* where it starts in the query */
};

struct query
{
  struct query_node *root;
  char *sort;
  int sort_reverse;
};

/* ---- nodes -------------------------------------------------------------- */

static struct query_node *
query_node_new (enum query_kind kind)
{
  struct query_node *n = xcalloc (1, sizeof *n);
  n->kind = kind;
  return n;
}

static void
query_node_add (struct query_node *n, struct query_node *kid)
{
  n->kids = xgrow (n->kids, &n->kids_alloc, n->nkids + 1, sizeof *n->kids);
  n->kids[n->nkids++] = kid;
}

static void
query_node_free (struct query_node *n)
{
  if (n == NULL)
    return;
  for (size_t i = 0; i < n->nkids; i++)
    query_node_free (n->kids[i]);
  free (n->kids);
  free (n->words);
  free (n);
}

/* Frees n but not its children. */
static void
query_node_free_shell (struct query_node *n)
{
  free (n->kids);
  free (n->words);
  free (n);
}

/* ---- lexer -------------------------------------------------------------- */

enum query_tok
{
  QT_END,
  QT_LPAREN,
  QT_RPAREN,
  QT_AND,
  QT_OR,
  QT_NOT,
  QT_TERM
};

struct query_token
{
  enum query_tok type;
  size_t off;                 /* byte offset of the token in the query */
  size_t end;
  bool minus;                 /* NOT: written as '-' */
  enum query_field field;     /* TERM: the field, or NONE */
  size_t voff;                /* TERM: the value (a phrase's inside) */
  size_t vlen;
  bool phrase;
  bool prefix;                /* the value was followed by '*' */
};

struct query_parser
{
  const char *q;
  size_t n;
  struct query_token *toks;
  size_t ntoks;
  size_t toks_alloc;
  size_t i;                   /* the parser's current token */
  int depth;
  char *cause;                /* the first error, translated */
  struct query *query;
  struct fts_words fw;
};

/* The 1-based column of byte offset off: characters, not bytes. */
static size_t
query_column (const char *q, size_t off)
{
  size_t col = 1;
  for (size_t i = 0; i < off; i++)
    if (((unsigned char) q[i] & 0xC0) != 0x80)
      col++;
  return col;
}

static void BYLINE_PRINTF (3, 4)
query_error (struct query_parser *p, size_t off, const char *fmt, ...)
{
  if (p->cause)
    return;
  va_list ap;
  va_start (ap, fmt);
  char *msg = xvasprintf (fmt, ap);
  va_end (ap);
  /* TRANSLATORS: a query error: the column in the query, then what is
     wrong there. */
  p->cause = xasprintf (_("column %zu: %s"), query_column (p->q, off), msg);
  free (msg);
}

/* Bytes of the white space character at q[i], or 0. */
static size_t
query_space (const struct query_parser *p, size_t i)
{
  unsigned char c = p->q[i];
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');
  ucs4_t uc;
  int len = u8_mbtouc (&uc, (const uint8_t *) p->q + i, p->n - i);
  return uc_is_property_white_space (uc) ? (size_t) len : 0;
}

/* True if a word ends before q[i]. */
static bool
query_word_end (const struct query_parser *p, size_t i)
{
  if (i >= p->n)
    return true;
  char c = p->q[i];
  return c == '(' || c == ')' || c == '"' || query_space (p, i) > 0;
}

static enum query_field
query_field_lookup (const char *s, size_t n)
{
  for (size_t f = 1; f < ARRAY_SIZE (query_field_names); f++)
    {
      const char *name = query_field_names[f];
      if (strlen (name) != n)
        continue;
      size_t i = 0;
      /* ASCII only: no locale's idea of case may interfere. */
      while (i < n && (s[i] | 0x20) == name[i])
        i++;
      if (i == n)
        return f;
    }
  return QUERY_F_NONE;
}

static struct query_token *
query_tok_new (struct query_parser *p, enum query_tok type, size_t off,
               size_t end)
{
  p->toks = xgrow (p->toks, &p->toks_alloc, p->ntoks + 1, sizeof *p->toks);
  struct query_token *t = &p->toks[p->ntoks++];
  memset (t, 0, sizeof *t);
  t->type = type;
  t->off = off;
  t->end = end;
  return t;
}

/* Lexes the phrase whose opening quote is at q[i] into t's value; t->end
   gets the offset after it (and after a '*' that follows it). */
static bool
query_lex_phrase (struct query_parser *p, size_t i, struct query_token *t)
{
  const char *close = memchr (p->q + i + 1, '"', p->n - i - 1);
  if (close == NULL)
    {
      query_error (p, i, _("unbalanced '\"'"));
      return false;
    }
  t->phrase = true;
  t->voff = i + 1;
  t->vlen = (size_t) (close - p->q) - t->voff;
  t->end = (size_t) (close - p->q) + 1;
  if (t->end < p->n && p->q[t->end] == '*')
    {
      t->prefix = true;
      t->end++;
    }
  return true;
}

/* Lexes the word at q[i..end): an operator, a field term or a plain one. */
static bool
query_lex_word (struct query_parser *p, size_t i, size_t end)
{
  const char *w = p->q + i;
  size_t n = end - i;
  if ((n == 2 && memcmp (w, "OR", 2) == 0))
    return query_tok_new (p, QT_OR, i, end) != NULL;
  if ((n == 3 && memcmp (w, "AND", 3) == 0))
    return query_tok_new (p, QT_AND, i, end) != NULL;
  if ((n == 3 && memcmp (w, "NOT", 3) == 0))
    return query_tok_new (p, QT_NOT, i, end) != NULL;

  struct query_token *t = query_tok_new (p, QT_TERM, i, end);
  const char *colon = memchr (w, ':', n);
  if (colon)
    t->field = query_field_lookup (w, (size_t) (colon - w));
  if (t->field == QUERY_F_NONE)
    {
      t->voff = i;
      t->vlen = n;
    }
  else
    {
      t->voff = (size_t) (colon - p->q) + 1;
      t->vlen = end - t->voff;
      if (t->vlen == 0)
        {
          if (end < p->n && p->q[end] == '"')
            return query_lex_phrase (p, end, t);
          query_error (p, i, _("nothing after '%.*s'"),
                       (int) (t->voff - i), w);
          return false;
        }
    }
  if (t->field != QUERY_F_DATE && t->field != QUERY_F_SORT
      && p->q[t->voff + t->vlen - 1] == '*')
    {
      t->prefix = true;
      t->vlen--;
    }
  return true;
}

static bool
query_lex (struct query_parser *p)
{
  size_t i = 0;
  while (i < p->n)
    {
      size_t sp = query_space (p, i);
      if (sp)
        {
          i += sp;
          continue;
        }
      char c = p->q[i];
      if (c == '(' || c == ')')
        {
          query_tok_new (p, c == '(' ? QT_LPAREN : QT_RPAREN, i, i + 1);
          i++;
        }
      else if (c == '"')
        {
          struct query_token *t = query_tok_new (p, QT_TERM, i, i);
          if (!query_lex_phrase (p, i, t))
            return false;
          i = t->end;
        }
      else if (c == '-' && i + 1 < p->n && p->q[i + 1] != ')'
               && query_space (p, i + 1) == 0)
        {
          /* A '-' before a term negates it; one standing alone is text
             without a word, which the tokenizer would drop anyway. */
          query_tok_new (p, QT_NOT, i, i + 1)->minus = true;
          i++;
        }
      else
        {
          size_t end = i + 1;
          while (!query_word_end (p, end))
            end++;
          if (!query_lex_word (p, i, end))
            return false;
          i = p->toks[p->ntoks - 1].end;
        }
    }
  query_tok_new (p, QT_END, p->n, p->n);
  return true;
}

/* ---- terms -------------------------------------------------------------- */

static int
query_add_word (void *ctx, const char *word, size_t word_len, size_t off,
                size_t len, bool part)
{
  struct buf *b = ctx;
  (void) off;
  (void) len;
  (void) part;
  if (b->len > 0)
    buf_addc (b, ' ');
  buf_add (b, word, word_len);
  return 0;
}

static bool
query_blank (const struct query_parser *p, size_t off, size_t n)
{
  for (size_t i = off; i < off + n; )
    {
      size_t sp = query_space (p, i);
      if (sp == 0)
        return false;
      i += sp;
    }
  return true;
}

/* A text or metadata term; NULL on error. */
static struct query_node *
query_words_term (struct query_parser *p, const struct query_token *t,
                  enum query_kind kind)
{
  struct buf words = BUF_INIT;
  fts_words (&p->fw, p->q + t->voff, t->vlen, false, query_add_word,
             &words);
  if (words.len == 0)
    {
      buf_free (&words);
      if (t->prefix)
        {
          query_error (p, t->end - 1, _("'*' must follow a word"));
          return NULL;
        }
      if (t->phrase && query_blank (p, t->voff, t->vlen))
        {
          query_error (p, t->voff - 1, _("empty phrase"));
          return NULL;
        }
      /* Only punctuation or symbols: the index holds no such words, so
         the term constrains nothing, as if it had not been written. */
      return query_node_new (QUERY_EMPTY);
    }
  struct query_node *n = query_node_new (kind);
  n->words = buf_steal (&words);
  n->prefix = t->prefix;
  n->field = t->field;
  return n;
}

/* ---- dates -------------------------------------------------------------- */

struct query_period
{
  int year, month, day;
  enum date_precision prec;
};

static int
query_days_in_month (int year, int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

/* Reads up to 'max' digits at q[*i]; returns their count. */
static int
query_digits (const struct query_parser *p, size_t *i, size_t end, int max,
              int *value)
{
  int n = 0;
  *value = 0;
  while (*i < end && n < max && p->q[*i] >= '0' && p->q[*i] <= '9')
    {
      *value = *value * 10 + (p->q[*i] - '0');
      (*i)++;
      n++;
    }
  return n;
}

/* Parses YYYY, YYYY-MM or YYYY-MM-DD at q[*i..end). */
static bool
query_period_parse (struct query_parser *p, size_t *i, size_t end,
                    struct query_period *d)
{
  size_t start = *i;
  memset (d, 0, sizeof *d);
  if (query_digits (p, i, end, 5, &d->year) != 4)
    {
      query_error (p, start, _("expected a date such as 2021, 2021-03 "
                               "or 2021-03-31"));
      return false;
    }
  if (d->year == 0)
    {
      query_error (p, start, _("year 0000 does not exist"));
      return false;
    }
  d->prec = DATE_PREC_YEAR;
  if (*i + 1 >= end || p->q[*i] != '-')
    return true;

  (*i)++;
  size_t moff = *i;
  if (query_digits (p, i, end, 3, &d->month) == 0 || *i - moff > 2)
    {
      query_error (p, moff, _("expected a month (01 to 12)"));
      return false;
    }
  if (d->month < 1 || d->month > 12)
    {
      query_error (p, moff, _("month %d out of range (01 to 12)"), d->month);
      return false;
    }
  d->prec = DATE_PREC_MONTH;
  if (*i + 1 >= end || p->q[*i] != '-')
    return true;

  (*i)++;
  size_t doff = *i;
  if (query_digits (p, i, end, 3, &d->day) == 0 || *i - doff > 2)
    {
      query_error (p, doff, _("expected a day of the month"));
      return false;
    }
  int last = query_days_in_month (d->year, d->month);
  if (d->day < 1 || d->day > last)
    {
      query_error (p, doff, _("day %d out of range for %04d-%02d (01 to %d)"),
                   d->day, d->year, d->month, last);
      return false;
    }
  d->prec = DATE_PREC_DAY;
  return true;
}

static int64_t
query_period_key (const struct query_period *d)
{
  struct date dt;
  memset (&dt, 0, sizeof dt);
  dt.precision = d->prec;
  dt.year = d->year;
  dt.month = d->month;
  dt.day = d->day;
  return date_sort_key (&dt);
}

/* The key where the period after d starts: the exclusive end of d. */
static int64_t
query_period_end (const struct query_period *d)
{
  struct query_period e = *d;
  switch (d->prec)
    {
    case DATE_PREC_DAY:
      if (++e.day <= query_days_in_month (e.year, e.month))
        break;
      e.day = 1;
      /* Fall through. */
    case DATE_PREC_MONTH:
      if (++e.month <= 12)
        break;
      e.month = 1;
      /* Fall through. */
    default:
      e.year++;
      break;
    }
  return query_period_key (&e);
}

/* date:VALUE.  The value is lexed whole, so the columns of errors point
   into it. */
static struct query_node *
query_date_term (struct query_parser *p, const struct query_token *t)
{
  size_t i = t->voff, end = t->voff + t->vlen;
  const char *v = p->q + i;
  struct query_period a, b;
  struct query_node *n = query_node_new (QUERY_DATE);
  n->lo = 0;
  n->hi = INT64_MAX;

  int cmp = 0;              /* '<' -1, '>' 1 */
  bool or_equal = false;
  if (v[0] == '<' || v[0] == '>')
    {
      cmp = v[0] == '<' ? -1 : 1;
      i++;
      if (i < end && p->q[i] == '=')
        {
          or_equal = true;
          i++;
        }
    }
  bool open_start = cmp == 0 && end - i >= 2 && memcmp (p->q + i, "..", 2) == 0;
  if (open_start)
    i += 2;
  if (!query_period_parse (p, &i, end, &a))
    goto fail;

  if (cmp < 0)
    n->hi = or_equal ? query_period_end (&a) : query_period_key (&a);
  else if (cmp > 0)
    n->lo = or_equal ? query_period_key (&a) : query_period_end (&a);
  else if (open_start)
    n->hi = query_period_end (&a);
  else if (end - i >= 2 && memcmp (p->q + i, "..", 2) == 0)
    {
      i += 2;
      n->lo = query_period_key (&a);
      if (i < end)
        {
          size_t boff = i;
          if (!query_period_parse (p, &i, end, &b))
            goto fail;
          n->hi = query_period_end (&b);
          if (n->hi <= n->lo)
            {
              query_error (p, boff, _("the range ends before it starts"));
              goto fail;
            }
        }
    }
  else
    {
      n->lo = query_period_key (&a);
      n->hi = query_period_end (&a);
    }
  if (i < end)
    {
      int len = u8_mblen ((const uint8_t *) p->q + i, end - i);
      query_error (p, i, _("unexpected '%.*s' in the date"), MAX (len, 1),
                   p->q + i);
      goto fail;
    }
  return n;

fail:
  query_node_free (n);
  return NULL;
}

/* sort:[-]KEY sets the order and matches everything. */
static struct query_node *
query_sort_term (struct query_parser *p, const struct query_token *t)
{
  const char *v = p->q + t->voff;
  size_t n = t->vlen;
  bool reverse = n > 0 && v[0] == '-';
  if (reverse)
    {
      v++;
      n--;
    }
  for (size_t k = 0; k < ARRAY_SIZE (query_sort_keys); k++)
    if (strlen (query_sort_keys[k]) == n
        && memcmp (query_sort_keys[k], v, n) == 0)
      {
        free (p->query->sort);
        p->query->sort = xstrdup (query_sort_keys[k]);
        p->query->sort_reverse = reverse;
        return query_node_new (QUERY_EMPTY);
      }
  query_error (p, t->voff,
               _("unknown sort order '%.*s' (date, outlet, headline, words, "
                 "versions or relevance)"), (int) t->vlen, p->q + t->voff);
  return NULL;
}

static struct query_node *
query_term (struct query_parser *p, const struct query_token *t)
{
  switch (t->field)
    {
    case QUERY_F_NONE:
    case QUERY_F_HEADLINE:
    case QUERY_F_BODY:
      return query_words_term (p, t, QUERY_TEXT);
    case QUERY_F_OUTLET:
    case QUERY_F_AGENCY:
    case QUERY_F_AUTHOR:
      return query_words_term (p, t, QUERY_META);
    case QUERY_F_DATE:
      return query_date_term (p, t);
    case QUERY_F_SORT:
      return query_sort_term (p, t);
    }
  abort ();
}

/* ---- parser ------------------------------------------------------------- */

static struct query_node *query_parse_and (struct query_parser *p,
                                           bool nested);

static const struct query_token *
query_peek (const struct query_parser *p)
{
  return &p->toks[p->i];
}

/* True if the current token cannot start an operand. */
static bool
query_no_operand (const struct query_parser *p)
{
  enum query_tok t = query_peek (p)->type;
  return t == QT_END || t == QT_RPAREN || t == QT_AND || t == QT_OR;
}

static bool
query_enter (struct query_parser *p, size_t off)
{
  if (++p->depth > QUERY_MAX_DEPTH)
    {
      query_error (p, off, _("too deeply nested (more than %d levels)"),
                   QUERY_MAX_DEPTH);
      return false;
    }
  return true;
}

static struct query_node *
query_parse_primary (struct query_parser *p)
{
  const struct query_token *t = query_peek (p);
  if (t->type == QT_TERM)
    {
      p->i++;
      struct query_node *n = query_term (p, t);
      if (n)
        n->off = t->off;
      return n;
    }
  /* Only '(' is left: the callers have refused the rest. */
  size_t off = t->off;
  if (!query_enter (p, off))
    return NULL;
  p->i++;
  if (query_peek (p)->type == QT_RPAREN)
    {
      query_error (p, off, _("empty parentheses"));
      return NULL;
    }
  struct query_node *n = query_parse_and (p, true);
  if (n == NULL)
    return NULL;
  if (query_peek (p)->type != QT_RPAREN)
    {
      query_error (p, off, _("unbalanced '('"));
      query_node_free (n);
      return NULL;
    }
  p->i++;
  p->depth--;
  return n;
}

static struct query_node *
query_parse_unary (struct query_parser *p)
{
  const struct query_token *t = query_peek (p);
  if (t->type == QT_OR)
    {
      query_error (p, t->off, _("'OR' needs a term before it"));
      return NULL;
    }
  if (t->type != QT_NOT)
    return query_parse_primary (p);

  if (!query_enter (p, t->off))
    return NULL;
  p->i++;
  if (query_no_operand (p))
    {
      query_error (p, t->off, t->minus ? _("'-' needs a term after it")
                   : _("'NOT' needs a term after it"));
      return NULL;
    }
  const struct query_token *operand = query_peek (p);
  if (operand->type == QT_TERM && operand->field == QUERY_F_SORT)
    {
      query_error (p, t->off, _("sort: cannot be negated; "
                                "write sort:-KEY to reverse the order"));
      return NULL;
    }
  struct query_node *kid = query_parse_unary (p);
  if (kid == NULL)
    return NULL;
  p->depth--;
  struct query_node *n = query_node_new (QUERY_NOT);
  n->off = t->off;
  query_node_add (n, kid);
  return n;
}

static struct query_node *
query_parse_or (struct query_parser *p)
{
  struct query_node *n = query_parse_unary (p);
  if (n == NULL)
    return NULL;
  while (query_peek (p)->type == QT_OR)
    {
      size_t off = query_peek (p)->off;
      p->i++;
      if (query_no_operand (p))
        {
          query_error (p, off, _("'OR' needs a term after it"));
          query_node_free (n);
          return NULL;
        }
      struct query_node *kid = query_parse_unary (p);
      if (kid == NULL)
        {
          query_node_free (n);
          return NULL;
        }
      if (n->kind != QUERY_OR)
        {
          struct query_node *or = query_node_new (QUERY_OR);
          or->off = n->off;
          query_node_add (or, n);
          n = or;
        }
      query_node_add (n, kid);
    }
  return n;
}

/* A sequence of terms, up to the end (or a ')' when nested). */
static struct query_node *
query_parse_and (struct query_parser *p, bool nested)
{
  struct query_node *n = query_node_new (QUERY_AND);
  n->off = query_peek (p)->off;
  for (;;)
    {
      const struct query_token *t = query_peek (p);
      if (t->type == QT_END || (nested && t->type == QT_RPAREN))
        break;
      if (t->type == QT_RPAREN)
        {
          query_error (p, t->off, _("unbalanced ')'"));
          goto fail;
        }
      if (t->type == QT_AND)
        {
          if (n->nkids == 0)
            {
              query_error (p, t->off, _("'AND' needs a term before it"));
              goto fail;
            }
          p->i++;
          if (query_no_operand (p))
            {
              query_error (p, t->off, _("'AND' needs a term after it"));
              goto fail;
            }
        }
      struct query_node *kid = query_parse_or (p);
      if (kid == NULL)
        goto fail;
      query_node_add (n, kid);
    }
  return n;

fail:
  query_node_free (n);
  return NULL;
}

/* Drops terms without words, flattens AND in AND and OR in OR (so that
   more text terms join one MATCH), removes double negation. */
static struct query_node *
query_simplify (struct query_node *n)
{
  if (n->kind == QUERY_NOT)
    {
      struct query_node *kid = query_simplify (n->kids[0]);
      n->kids[0] = kid;
      if (kid->kind == QUERY_EMPTY || kid->kind == QUERY_NOT)
        {
          struct query_node *r = kid->kind == QUERY_NOT ? kid->kids[0] : kid;
          if (kid->kind == QUERY_NOT)
            query_node_free_shell (kid);
          query_node_free_shell (n);
          return r;
        }
      return n;
    }
  if (n->kind != QUERY_AND && n->kind != QUERY_OR)
    return n;

  struct query_node **kids = n->kids;
  size_t nkids = n->nkids;
  n->kids = NULL;
  n->nkids = n->kids_alloc = 0;
  for (size_t i = 0; i < nkids; i++)
    {
      struct query_node *kid = query_simplify (kids[i]);
      if (kid->kind == QUERY_EMPTY)
        query_node_free (kid);
      else if (kid->kind == n->kind)
        {
          for (size_t j = 0; j < kid->nkids; j++)
            query_node_add (n, kid->kids[j]);
          query_node_free_shell (kid);
        }
      else
        query_node_add (n, kid);
    }
  free (kids);
  if (n->nkids == 0)
    {
      query_node_free_shell (n);
      return query_node_new (QUERY_EMPTY);
    }
  if (n->nkids == 1)
    {
      struct query_node *kid = n->kids[0];
      query_node_free_shell (n);
      return kid;
    }
  return n;
}

static void query_check (struct query_parser *p);

struct query *
query_parse (const char *q, char **cause)
{
  struct query_parser p;
  memset (&p, 0, sizeof p);
  p.q = q;
  p.n = strlen (q);
  p.query = xcalloc (1, sizeof *p.query);
  p.fw = (struct fts_words) FTS_WORDS_INIT;

  const uint8_t *bad = u8_check ((const uint8_t *) q, p.n);
  if (bad)
    query_error (&p, (size_t) ((const char *) bad - q),
                 _("invalid UTF-8"));
  else if (query_lex (&p))
    {
      struct query_node *root = query_parse_and (&p, false);
      if (root)
        {
          p.query->root = query_simplify (root);
          query_check (&p);
        }
    }
  free (p.toks);
  fts_words_free (&p.fw);
  if (p.cause)
    {
      query_free (p.query);
      if (cause)
        *cause = p.cause;
      else
        free (p.cause);
      return NULL;
    }
  return p.query;
}

void
query_free (struct query *q)
{
  if (q == NULL)
    return;
  query_node_free (q->root);
  free (q->sort);
  free (q);
}

/* ---- FTS5 expressions --------------------------------------------------- */

/* True if n can be one FTS5 expression: text terms under AND and OR, and
   NOT only beside a positive term (FTS5's NOT is binary: "a NOT b"). */
static bool
query_fts_ok (const struct query_node *n)
{
  switch (n->kind)
    {
    case QUERY_TEXT:
      return true;
    case QUERY_OR:
      for (size_t i = 0; i < n->nkids; i++)
        if (!query_fts_ok (n->kids[i]))
          return false;
      return true;
    case QUERY_AND:
      {
        bool positive = false;
        for (size_t i = 0; i < n->nkids; i++)
          if (query_fts_ok (n->kids[i]))
            positive = true;
          else if (!(n->kids[i]->kind == QUERY_NOT
                     && query_fts_ok (n->kids[i]->kids[0])))
            return false;
        return positive;
      }
    default:
      return false;
    }
}

/* A term as an FTS5 string: "w1 w2" with '"' doubled, then '*' for a
   prefix, after "headline : " for a column filter.  The tokenizer splits
   the string into the same words again. */
static void
query_fts_term (const struct query_node *n, struct buf *out)
{
  if (n->field == QUERY_F_HEADLINE || n->field == QUERY_F_BODY)
    {
      buf_adds (out, query_field_names[n->field]);
      buf_adds (out, " : ");
    }
  buf_addc (out, '"');
  for (const char *s = n->words; *s; s++)
    {
      if (*s == '"')
        buf_addc (out, '"');
      buf_addc (out, *s);
    }
  buf_addc (out, '"');
  if (n->prefix)
    buf_addc (out, '*');
}

static void query_fts_expr (const struct query_node *n, struct buf *out);

/* kids joined by op, in parentheses if more than one; negated: the kids
   are NOTs, whose operands are joined.  Every expression comes out as a
   phrase or in parentheses, so the caller need not add any. */
static void
query_fts_list (struct query_node *const *kids, size_t n, bool negated,
                const char *op, struct buf *out)
{
  if (n > 1)
    buf_addc (out, '(');
  for (size_t i = 0; i < n; i++)
    {
      if (i > 0)
        buf_adds (out, op);
      query_fts_expr (negated ? kids[i]->kids[0] : kids[i], out);
    }
  if (n > 1)
    buf_addc (out, ')');
}

/* An AND's positive FTS kids, then " NOT (the negative ones OR'ed)". */
static void
query_fts_and (struct query_node *const *kids, size_t n, struct buf *out)
{
  struct query_node **pos = xmalloc (n * sizeof *pos);
  struct query_node **neg = xmalloc (n * sizeof *neg);
  size_t npos = 0, nneg = 0;
  for (size_t i = 0; i < n; i++)
    if (query_fts_ok (kids[i]))
      pos[npos++] = kids[i];
    else
      neg[nneg++] = kids[i];
  if (nneg > 0)
    buf_addc (out, '(');
  query_fts_list (pos, npos, false, " AND ", out);
  if (nneg > 0)
    {
      buf_adds (out, " NOT ");
      query_fts_list (neg, nneg, true, " OR ", out);
      buf_addc (out, ')');
    }
  free (pos);
  free (neg);
}

static void
query_fts_expr (const struct query_node *n, struct buf *out)
{
  if (n->kind == QUERY_TEXT)
    query_fts_term (n, out);
  else if (n->kind == QUERY_OR)
    query_fts_list (n->kids, n->nkids, false, " OR ", out);
  else
    query_fts_and (n->kids, n->nkids, out);
}

/* ---- SQL ---------------------------------------------------------------- */

/* The compiler's state.  'conditions' counts what SQL evaluates apart
   (each MATCH, metadata and date term): they are chained flat,
   "(A AND B AND C)", which costs SQLite's parser no stack but makes an
   expression as deep as the chain is long, and SQLite refuses expressions
   deeper than 1000. */
struct query_compile
{
  struct strv *params;
  size_t conditions;
  bool over;                  /* more than QUERY_MAX_CONDITIONS */
  size_t over_off;            /* where in the query that happened */
};

static void query_sql (const struct query_node *n, struct buf *sql,
                       struct query_compile *c);

static void
query_count (const struct query_node *n, struct query_compile *c)
{
  if (++c->conditions > QUERY_MAX_CONDITIONS && !c->over)
    {
      c->over = true;
      c->over_off = n->off;
    }
}

static void
query_sql_match (const struct query_node *n, const char *expr, bool negated,
                 struct buf *sql, struct query_compile *c)
{
  buf_adds (sql, negated ? "(a.id NOT IN" : "(a.id IN");
  buf_adds (sql, " (SELECT rowid FROM fts WHERE fts MATCH ?))");
  strv_add (c->params, expr);
  query_count (n, c);
}

/* Whole-word containment in the folded words of a metadata column.
   instr(), not LIKE: nothing to escape, and no limit on the pattern's
   length.  NULL (no such field) is no match, and under NOT a match (see
   QUERY_NOT below). */
static void
query_sql_meta (const struct query_node *n, struct buf *sql,
                struct query_compile *c)
{
  buf_printf (sql, "(instr(' ' || byline_words(a.%s) || ' ', ?) > 0)",
              query_meta_columns[n->field]);
  strv_addf (c->params, " %s%s", n->words, n->prefix ? "" : " ");
  query_count (n, c);
}

static void
query_sql_date (const struct query_node *n, struct buf *sql,
                struct query_compile *c)
{
  const char *sep = "";
  buf_addc (sql, '(');
  if (n->lo <= 0)
    {
      buf_adds (sql, "a.date_key <> 0");
      sep = " AND ";
    }
  if (n->lo != 0)
    {
      buf_printf (sql, "%sa.date_key >= %" PRId64, sep, n->lo);
      sep = " AND ";
    }
  if (n->hi != INT64_MAX)
    buf_printf (sql, "%sa.date_key < %" PRId64, sep, n->hi);
  buf_addc (sql, ')');
  query_count (n, c);
}

/* AND and OR: the kids that FTS5 can answer go into one MATCH, the
   negated ones into one "NOT IN" (under AND they join the MATCH as its
   NOT part if there is one); the rest (metadata, dates, groups with them)
   become SQL each.  All of it chained with the operator. */
static void
query_sql_list (const struct query_node *n, struct buf *sql,
                struct query_compile *c)
{
  struct query_node **fts = xmalloc (n->nkids * sizeof *fts);
  struct query_node **neg = xmalloc (n->nkids * sizeof *neg);
  struct query_node **rest = xmalloc (n->nkids * sizeof *rest);
  size_t npos = 0, nneg = 0, nrest = 0;
  for (size_t i = 0; i < n->nkids; i++)
    {
      struct query_node *k = n->kids[i];
      if (query_fts_ok (k))
        fts[npos++] = k;
      else if (k->kind == QUERY_NOT && query_fts_ok (k->kids[0]))
        neg[nneg++] = k;
      else
        rest[nrest++] = k;
    }

  bool and = n->kind == QUERY_AND;
  const char *op = and ? " AND " : " OR ";
  struct buf expr = BUF_INIT;
  size_t items = 0;
  bool parens = (npos > 0) + (nneg > 0 && !(and && npos > 0)) + nrest > 1;
  if (parens)
    buf_addc (sql, '(');
  if (and && npos > 0)
    {
      /* "(p1 AND p2) NOT (n1 OR n2)" */
      memcpy (fts + npos, neg, nneg * sizeof *neg);
      query_fts_and (fts, npos + nneg, &expr);
      query_sql_match (n, expr.data, false, sql, c);
      items++;
      nneg = 0;
    }
  else if (npos > 0)
    {
      query_fts_list (fts, npos, false, " OR ", &expr);
      query_sql_match (n, expr.data, false, sql, c);
      items++;
    }
  if (nneg > 0)
    {
      /* NOT a AND NOT b is NOT (a OR b); NOT a OR NOT b is NOT (a AND b). */
      buf_reset (&expr);
      query_fts_list (neg, nneg, true, and ? " OR " : " AND ", &expr);
      if (items++ > 0)
        buf_adds (sql, op);
      query_sql_match (n, expr.data, true, sql, c);
    }
  for (size_t i = 0; i < nrest; i++)
    {
      if (items++ > 0)
        buf_adds (sql, op);
      query_sql (rest[i], sql, c);
    }
  if (parens)
    buf_addc (sql, ')');
  buf_free (&expr);
  free (fts);
  free (neg);
  free (rest);
}

/* Every expression comes out in parentheses, but NOT's "(x) IS NOT 1",
   which binds tighter than AND and OR and is never the operand of another
   NOT (query_simplify removes double negation).  IS NOT 1 rather than
   NOT: a NULL column makes x NULL, and its negation must be true. */
static void
query_sql (const struct query_node *n, struct buf *sql,
           struct query_compile *c)
{
  struct buf expr = BUF_INIT;
  switch (n->kind)
    {
    case QUERY_EMPTY:
      buf_adds (sql, "1");
      break;
    case QUERY_TEXT:
      query_fts_term (n, &expr);
      query_sql_match (n, expr.data, false, sql, c);
      break;
    case QUERY_META:
      query_sql_meta (n, sql, c);
      break;
    case QUERY_DATE:
      query_sql_date (n, sql, c);
      break;
    case QUERY_NOT:
      if (query_fts_ok (n->kids[0]))
        {
          query_fts_expr (n->kids[0], &expr);
          query_sql_match (n, expr.data, true, sql, c);
        }
      else
        {
          query_sql (n->kids[0], sql, c);
          buf_adds (sql, " IS NOT 1");
        }
      break;
    case QUERY_AND:
    case QUERY_OR:
      query_sql_list (n, sql, c);
      break;
    }
  buf_free (&expr);
}

/* Refuses a query whose SQL would be too much for SQLite: compiles it
   and counts. */
static void
query_check (struct query_parser *p)
{
  struct strv params = STRV_INIT;
  struct buf sql = BUF_INIT;
  struct query_compile c = { &params, 0, false, 0 };
  query_sql (p->query->root, &sql, &c);
  if (c.over)
    query_error (p, c.over_off, _("too complex: more than %d conditions "
                                  "on fields, dates or negated groups"),
                 QUERY_MAX_CONDITIONS);
  strv_free (&params);
  buf_free (&sql);
}

/* Calls fn for each text term not under a NOT. */
static void
query_positive_terms (const struct query_node *n,
                      void (*fn) (const struct query_node *, void *),
                      void *ctx)
{
  if (n->kind == QUERY_TEXT)
    fn (n, ctx);
  else if (n->kind == QUERY_AND || n->kind == QUERY_OR)
    for (size_t i = 0; i < n->nkids; i++)
      query_positive_terms (n->kids[i], fn, ctx);
}

static void
query_rank_term (const struct query_node *n, void *ctx)
{
  struct buf *b = ctx;
  if (b->len > 0)
    buf_adds (b, " OR ");
  query_fts_term (n, b);
}

void
query_to_sql (const struct query *q, struct query_sql *out)
{
  struct buf sql = BUF_INIT;
  memset (out, 0, sizeof *out);
  struct query_compile c = { &out->params, 0, false, 0 };
  query_sql (q->root, &sql, &c);
  out->where = buf_steal (&sql);

  struct buf rank = BUF_INIT;
  query_positive_terms (q->root, query_rank_term, &rank);
  out->rank_match = rank.len > 0 ? buf_steal (&rank) : NULL;
  buf_free (&rank);

  out->sort = q->sort ? xstrdup (q->sort) : NULL;
  out->sort_reverse = q->sort_reverse;
}

void
query_sql_free (struct query_sql *s)
{
  free (s->where);
  strv_free (&s->params);
  free (s->rank_match);
  free (s->sort);
  memset (s, 0, sizeof *s);
}

/* query_terms' strings and a hash set of them, so that a query of
   thousands of words stays linear. */
struct query_term_set
{
  struct strv *terms;
  size_t *slots;              /* 1 + index into terms->v; 0: empty */
  size_t nslots;              /* a power of two, more than twice the count */
};

static size_t
query_hash (const char *s)
{
  size_t h = 2166136261u;
  for (; *s; s++)
    h = (h ^ (unsigned char) *s) * 16777619u;
  return h;
}

/* Returns the slot of s, or of the empty slot where it belongs. */
static size_t *
query_term_slot (struct query_term_set *set, const char *s)
{
  size_t mask = set->nslots - 1;
  for (size_t i = query_hash (s) & mask;; i = (i + 1) & mask)
    if (set->slots[i] == 0
        || strcmp (set->terms->v[set->slots[i] - 1], s) == 0)
      return &set->slots[i];
}

static void
query_term_grow (struct query_term_set *set)
{
  free (set->slots);
  set->nslots = set->nslots ? 2 * set->nslots : 64;
  set->slots = xcalloc (set->nslots, sizeof *set->slots);
  for (size_t i = 0; i < set->terms->n; i++)
    *query_term_slot (set, set->terms->v[i]) = i + 1;
}

static void
query_add_term (const struct query_node *n, void *ctx)
{
  struct query_term_set *set = ctx;
  char *t = xasprintf ("%s%s", n->words, n->prefix ? "*" : "");
  if (2 * (set->terms->n + 1) >= set->nslots)
    query_term_grow (set);
  size_t *slot = query_term_slot (set, t);
  if (*slot)
    {
      free (t);
      return;
    }
  strv_push (set->terms, t);
  *slot = set->terms->n;
}

void
query_terms (const struct query *q, struct strv *terms)
{
  struct query_term_set set = { terms, NULL, 0 };
  query_term_grow (&set);
  query_positive_terms (q->root, query_add_term, &set);
  free (set.slots);
}
