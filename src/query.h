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
     sort:date|outlet|headline|words|relevance (a leading '-' reverses):
                      sets the order only, never filters

   The SQL refers to the index schema (see store.h): table alias "a" for
   articles (columns outlet, agency, authors, date_key, ...) and the FTS5
   table "fts" (columns headline, body; rowid = articles.id). */
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
