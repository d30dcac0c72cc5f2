/* query.h: byline's query language, parsed into a tree and compiled to SQL.

   Pure: no database, no I/O.  The grammar (documented in byline(1)):
     words            all must match (AND)
     "a phrase"       words in this order
     prefix*          words starting with prefix
     a OR b           either
     -word, NOT word  must not match
     ( ... )          grouping
     headline:x body:x          text in one field (x: word, "phrase", prefix*)
     outlet:x agency:x author:x metadata, case- and accent-insensitive,
                                whole-word containment ("outlet:independent")
     date:2021 date:2021-03 date:2021-03-31
     date:2021-03..2021-04      inclusive range of periods
     date:>=2020-01-01 (also >, <, <=)
     sort:date|outlet|headline|words|versions|relevance (a leading '-' reverses):
                      sets the order only, never filters

   The SQL refers to the index schema (see store.h): table alias "a" for
   articles (columns outlet, agency, authors, date_key, ...) and the FTS5
   table "fts" (columns headline, body; rowid = articles.id), and needs
   fts_register's SQL function byline_words on the connection.

   The details (query.c has the grammar):
   - Precedence, tightest first: NOT and '-', then OR, then AND (written or
     implicit), as in web search engines: "a b OR c" is a AND (b OR c);
     "(a b) OR c" groups the other way.  OR, AND and NOT are operators only
     in capitals ("or" is a word).  Parentheses and NOTs nest at most 16
     deep, and at most 500 conditions may need SQL of their own (field and
     date terms, negated groups; text terms share one MATCH), so that the
     SQL stays within SQLite's and FTS5's parser stacks and expression
     depth: embed 'where' in SQL no more than a few parentheses deep.
   - Words are split and folded like the index's (fts.h): "Café" finds
     "cafe"; a word of several tokens is a phrase of them ("Tianwen-1" is
     "tianwen 1", "中华" is "中 华"); "China's" finds "china's" only, but
     "china" finds "China's".  A term with no letters or digits ("❤", "-"
     alone, "--") is ignored, as if it had not been written.
   - '-' negates only when a term follows it directly ("-word", "-(a b)",
     "-outlet:x"); inside a word it is text ("x-ray", "Tianwen-1").
   - FIELD:VALUE: the field is case-insensitive; the value follows the
     colon directly and is a word, a "phrase", or either with a trailing '*'
     (not for date: and sort:).  A word with a colon that is not one of the
     fields is text ("foo:bar", "10:30", "re:publica").
   - Metadata: the value's words must appear, in order and whole, among the
     folded words of one author, or of the outlet or agency;
     outlet:guard* ends in a prefix.  Articles without the field do not
     match it (and do match its negation).
   - Dates compare with date_key: date:2021 is every date in 2021 of any
     precision; date:2021-03 excludes a date known only as "2021";
     <, <=, >, >= compare whole periods (date:>2021-03 starts in April);
     A..B, A.. and ..B are ranges of periods, B included.  Articles
     without a date match no date: term.  Years 0001-9999; a month 1-12;
     a day valid for its month (2020-02-29 is, 2021-02-29 is not).
   - Errors name the 1-based column in characters: unbalanced ( ) or ",
     OR/AND with nothing before or after, NOT or '-' with nothing after,
     empty parentheses, a field with nothing after the colon, an empty
     phrase, a '*' after no word, a bad date, an unknown sort key, a
     negated sort:, invalid UTF-8, nesting too deep, too many conditions. */
#ifndef BYLINE_QUERY_H
#define BYLINE_QUERY_H

#include <stdint.h>

#include "strv.h"

struct query;

/* Parses q.  Returns NULL on a malformed query with *cause (translated,
   caller frees) naming the 1-based character position and the problem,
   e.g. "column 7: unbalanced '('".  An empty query (or one with only sort:)
   is valid and matches everything. */
struct query *query_parse (const char *q, char **cause);
void query_free (struct query *q);

struct query_sql
{
  char *where;           /* SQL boolean expression; "1" when matching all */
  struct strv params;    /* text parameters for the ?s in where, in order */
  char *rank_match;      /* FTS5 MATCH expression of the positive text terms
                            for bm25 ranking and snippets; NULL if none */
  char *sort;            /* "date", "outlet", ... from sort:, or NULL */
  int sort_reverse;      /* sort:-date */
};

/* Compiles; never fails for a parsed query. */
void query_to_sql (const struct query *q, struct query_sql *out);
void query_sql_free (struct query_sql *s);

/* The positive words and phrases of the query, in text_fold form, for
   highlighting (a phrase is one string of its words separated by spaces;
   a prefix ends with '*'). */
void query_terms (const struct query *q, struct strv *terms);

#endif
