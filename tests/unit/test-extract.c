/* test-extract.c: paragraph roles and metadata, on the sample collection
   and on small synthetic articles of different shapes; outlet rules. */
#include "system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "extract.h"
#include "strv.h"
#include "slowdown.h"
#include "text.h"

/* 2025-01-01T00:00:00Z: bounds dates. */
#define NOW ((int64_t) 1735689600)

static struct outlets *rules;

static int
setup_rules (void **state)
{
  (void) state;
  struct strv w = STRV_INIT;
  rules = outlets_default (&w);
  for (size_t i = 0; i < w.n; i++)
    fprintf (stderr, "outlets warning: %s\n", w.v[i]);
  strv_free (&w);
  return 0;
}

static int
teardown_rules (void **state)
{
  (void) state;
  outlets_free (rules);
  rules = NULL;
  return 0;
}

/* Prints paragraphs and roles when EXTRACT_DUMP is set (for debugging). */
static void
dump (const struct article *a)
{
  if (!getenv ("EXTRACT_DUMP"))
    return;
  char iso[DATE_ISO_MAX];
  fprintf (stderr, "headline%s: %s\ndek: %s\ndate: %s\noutlet: %s\n"
           "agency: %s\n", a->headline_derived ? " (derived)" : "",
           a->headline, a->dek ? a->dek : "(null)",
           date_iso (&a->date, iso), a->outlet ? a->outlet : "(null)",
           a->agency ? a->agency : "(null)");
  for (size_t i = 0; i < a->authors.n; i++)
    fprintf (stderr, "author: %s\n", a->authors.v[i]);
  for (size_t i = 0; i < a->n_paras; i++)
    fprintf (stderr, "  %-11s %.*s\n", para_role_name (a->paras[i].role),
             (int) MIN (a->paras[i].len, 90), a->text + a->paras[i].off);
}

static void
load_sample (const char *name, struct article *a)
{
  const char *top = getenv ("top_srcdir");
  char *path = xasprintf ("%s/sample-articles/%s", top ? top : ".", name);
  char *cause = NULL;
  int r = article_load (path, rules, NOW, a, &cause);
  if (r != 0)
    fail_msg ("%s: %s", path, cause);
  free (path);
  dump (a);
}

static void
extract_str (const char *text, struct article *a)
{
  memset (a, 0, sizeof *a);
  extract_article (text, strlen (text), rules, NOW, a);
  dump (a);
}

/* The role of the paragraph that contains 'needle'. */
static int
role_of (const struct article *a, const char *needle)
{
  for (size_t i = 0; i < a->n_paras; i++)
    {
      const char *p = a->text + a->paras[i].off;
      size_t n = a->paras[i].len, l = strlen (needle);
      if (l <= n && memmem (p, n, needle, l))
        return (int) a->paras[i].role;
    }
  fail_msg ("no paragraph contains \"%s\"", needle);
  return -1;
}

static void
assert_date (const struct article *a, const char *iso,
             enum date_precision prec)
{
  char buf[DATE_ISO_MAX];
  assert_string_equal (date_iso (&a->date, buf), iso);
  assert_int_equal (a->date.precision, prec);
}

static bool
body_has (const struct article *a, const char *s)
{
  return a->body && strstr (a->body, s) != NULL;
}

static bool
starts_with (const char *s, const char *p)
{
  return s && strncmp (s, p, strlen (p)) == 0;
}

static bool
ends_with (const char *s, const char *p)
{
  size_t n = s ? strlen (s) : 0, m = strlen (p);
  return n >= m && strcmp (s + n - m, p) == 0;
}

/* Every paragraph is inside the text, in order, without overlap. */
static void
assert_paras_sane (const struct article *a)
{
  size_t end = 0;
  for (size_t i = 0; i < a->n_paras; i++)
    {
      assert_true (a->paras[i].off >= end);
      assert_true (a->paras[i].len > 0);
      end = a->paras[i].off + a->paras[i].len;
      assert_true (end <= a->text_len);
    }
  assert_non_null (a->headline);
  assert_non_null (a->body);
  assert_int_equal (strlen (a->body), a->body_len);
}

/* ---- the samples ---------------------------------------------------------- */

static void
test_sample_000 (void **state)
{
  (void) state;
  struct article a;
  load_sample ("000_a9864a11cced52c0.txt", &a);
  assert_paras_sane (&a);
  assert_true (a.headline_derived);
  assert_string_equal (a.headline,
                       "As their respective spacecraft headed to Mars, China "
                       "and the United States held consultations\xE2\x80\xA6");
  assert_date (&a, "2021-04", DATE_PREC_MONTH);
  assert_null (a.outlet);
  assert_string_equal (a.agency, "AP");
  assert_int_equal (a.authors.n, 0);
  assert_int_equal (role_of (&a, "A visitor to an exhibit"), ROLE_CAPTION);
  assert_false (body_has (&a, "A visitor to an exhibit"));
  assert_true (starts_with (a.body, "As their respective spacecraft headed"));
  assert_true (ends_with (a.body, "will not attempt to land."));
  assert_true (a.words > 100);
  article_free (&a);
}

static void
test_sample_001 (void **state)
{
  (void) state;
  struct article a;
  load_sample ("001_ba268a7cdc32d459.txt", &a);
  assert_paras_sane (&a);
  assert_false (a.headline_derived);
  assert_string_equal (a.headline,
                       "US, China consulted on safety as their crafts headed "
                       "to Mars");
  assert_non_null (a.dek);
  assert_true (starts_with (a.dek, "As their respective spacecrafts headed to "
                            "Mars, China and the U.S. held consultations"));
  assert_date (&a, "2021-03-31T04:15-04:00", DATE_PREC_MINUTE);
  assert_string_equal (a.outlet, "The Independent");
  assert_string_equal (a.agency, "AP");
  assert_int_equal (a.authors.n, 0);
  assert_true (starts_with (a.body, "As their respective spacecrafts headed "
                            "to Mars China and the U.S. held consultations"));
  assert_true (ends_with (a.body, "will not attempt to land."));
  assert_false (body_has (&a, "otifications"));
  assert_false (body_has (&a, "Your support"));
  assert_false (body_has (&a, "donation"));
  assert_false (body_has (&a, "reproductive rights"));
  assert_false (body_has (&a, "paywalls"));
  assert_false (body_has (&a, "registering"));
  assert_false (body_has (&a, "logged in"));
  assert_false (body_has (&a, "China US Space"));
  assert_int_equal (role_of (&a, "Via AP news wire"), ROLE_BYLINE);
  assert_int_equal (role_of (&a, "Wednesday 31 March 2021"), ROLE_DATELINE);
  assert_int_equal (role_of (&a, "Stay up to date"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "US, China consulted"), ROLE_HEADLINE);
  assert_int_equal (role_of (&a, "exchanges between the rivals"), ROLE_DEK);
  assert_int_equal (role_of (&a, "Mars China and the U.S."), ROLE_BODY);
  article_free (&a);
}

static void
test_sample_002 (void **state)
{
  (void) state;
  struct article a;
  load_sample ("002_627ae5fae44a2e15.txt", &a);
  assert_paras_sane (&a);
  assert_false (a.headline_derived);
  assert_string_equal (a.headline, "China, NASA Coordinate on Mars Even as "
                       "Beijing Issues Fiery New Threats");
  assert_date (&a, "2024-04-15", DATE_PREC_DAY);
  assert_null (a.outlet);
  assert_null (a.agency);
  assert_int_equal (a.authors.n, 0);
  assert_int_equal (role_of (&a, "15 April 2024"), ROLE_DATELINE);
  assert_true (starts_with (a.body, "China confirmed on Wednesday"));
  assert_true (body_has (&a, "Todd Harrison"));
  article_free (&a);
}

static void
test_sample_003 (void **state)
{
  (void) state;
  struct article a;
  load_sample ("003_b83eedb220476ed3.txt", &a);
  assert_paras_sane (&a);
  assert_false (a.headline_derived);
  assert_string_equal (a.headline,
                       "Chinese Space Officials Meeting with NASA Today");
  assert_int_equal (a.date.precision, DATE_PREC_NONE);
  assert_string_equal (a.outlet, "Space.com");
  assert_null (a.agency);
  assert_int_equal (a.authors.n, 1);
  assert_string_equal (a.authors.v[0], "Leonard David");
  assert_false (body_has (&a, "award-winning space journalist"));
  assert_false (body_has (&a, "has been reporting on the space industry"));
  assert_false (body_has (&a, "Space Insider Columnist"));
  assert_false (body_has (&a, "An artist's illustration"));
  assert_true (starts_with (a.body, "NASA is hosting Earth and space"));
  assert_true (ends_with (a.body, "larger space station in 2020."));
  assert_int_equal (role_of (&a, "award-winning"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "(Image credit:"), ROLE_CAPTION);
  article_free (&a);
}

static void
test_sample_004 (void **state)
{
  (void) state;
  struct article a;
  load_sample ("004_1cd7caf796a3157a.txt", &a);
  assert_paras_sane (&a);
  assert_false (a.headline_derived);
  assert_string_equal (a.headline,
                       "China, US move toward cooperation in space");
  assert_non_null (a.dek);
  assert_string_equal (a.dek, "China seems more open to international "
                       "cooperation in space, experts say");
  assert_date (&a, "2014-01-12", DATE_PREC_DAY);
  assert_string_equal (a.outlet, "Phys.org");
  assert_string_equal (a.agency, "AFP");
  assert_int_equal (a.authors.n, 1);
  assert_string_equal (a.authors.v[0], "Jean-Louis Santini");
  assert_true (starts_with (a.body, "China\xE2\x80\x94which until now"));
  assert_true (ends_with (a.body,
                          "that constitutes a good ground to get together.\""));
  assert_int_equal (role_of (&a, "carrier rocket blasts off"), ROLE_CAPTION);
  assert_int_equal (role_of (&a, "pictured in Washington"), ROLE_CAPTION);
  assert_int_equal (role_of (&a, "Explore further"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "Recurring martian streaks"),
                    ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "Whydening Gyre"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "China is steadily progressing"),
                    ROLE_BOILERPLATE);
  assert_false (body_has (&a, "Explore further"));
  assert_false (body_has (&a, "Related Stories"));
  assert_false (body_has (&a, "comments"));
  assert_false (body_has (&a, "Recommended"));
  article_free (&a);
}

/* ---- synthetic shapes ----------------------------------------------------- */

static void
test_header_block (void **state)
{
  (void) state;
  struct article a;
  extract_str ("title: Storm batters the northern coast\n"
               "DATE: 2021-05-03T10:20:00Z\n"
               "Source: Guardian\n"
               "Agency: Associated Press\n"
               "Author: Jane Doe\n"
               "Author: John Roe\n"
               "URL: https://www.theguardian.com/world/2021/may/03/storm\n"
               "\n"
               "A storm battered the northern coast on Monday, cutting power "
               "to thousands of homes and closing roads, officials said.\n"
               "\n"
               "By JOHN SMITH, Reuters\n"
               "\n"
               "Crews worked through the night to clear fallen trees, and "
               "most roads were open again by the morning, police said.\n",
               &a);
  assert_paras_sane (&a);
  assert_int_equal (a.paras[0].role, ROLE_HEADER);
  assert_true (starts_with (a.text + a.paras[0].off, "title:"));
  assert_string_equal (a.headline, "Storm batters the northern coast");
  assert_false (a.headline_derived);
  assert_date (&a, "2021-05-03T10:20:00Z", DATE_PREC_SECOND);
  assert_string_equal (a.outlet, "The Guardian");
  assert_string_equal (a.agency, "AP");
  assert_string_equal (a.url,
                       "https://www.theguardian.com/world/2021/may/03/storm");
  assert_int_equal (a.authors.n, 2);
  assert_string_equal (a.authors.v[0], "Jane Doe");
  assert_string_equal (a.authors.v[1], "John Roe");
  assert_false (body_has (&a, "Author:"));
  assert_true (starts_with (a.body, "A storm battered"));
  article_free (&a);
}

static void
test_ap_byline (void **state)
{
  (void) state;
  struct article a;
  extract_str ("Senate passes budget after an all-night session\n\n"
               "By JANE DOE and MARY-ANN O'BRIEN, Associated Press\n\n"
               "March 3, 2021\n\n"
               "WASHINGTON (AP) \xE2\x80\x94 The Senate passed a budget "
               "early Wednesday after an all-night session, sending the "
               "measure to the House.\n\n"
               "The vote was 51-50, with the vice president breaking a tie, "
               "and the House is expected to take it up next week.\n\n"
               "Copyright 2021 The Associated Press. All rights reserved. "
               "This material may not be published, broadcast, rewritten or "
               "redistributed.\n", &a);
  assert_paras_sane (&a);
  assert_string_equal (a.headline,
                       "Senate passes budget after an all-night session");
  assert_int_equal (role_of (&a, "By JANE DOE"), ROLE_BYLINE);
  assert_int_equal (role_of (&a, "March 3, 2021"), ROLE_DATELINE);
  assert_int_equal (role_of (&a, "Copyright 2021"), ROLE_BOILERPLATE);
  assert_int_equal (a.authors.n, 2);
  assert_string_equal (a.authors.v[0], "Jane Doe");
  assert_string_equal (a.authors.v[1], "Mary-Ann O'Brien");
  assert_string_equal (a.agency, "AP");
  assert_null (a.outlet);
  assert_date (&a, "2021-03-03", DATE_PREC_DAY);
  assert_true (starts_with (a.body, "WASHINGTON (AP)"));
  assert_true (ends_with (a.body, "next week."));
  article_free (&a);
}

static void
test_cookie_newsletter (void **state)
{
  (void) state;
  struct article a;
  extract_str ("We use cookies to improve your experience. By continuing to "
               "browse you agree to our cookie policy.\n\n"
               "Accept all\n\n"
               "Manage preferences\n\n"
               "City council approves new cycle lanes\n\n"
               "The city council voted on Tuesday to build twelve kilometres "
               "of protected cycle lanes across the centre by next summer.\n\n"
               "Sign up for our newsletter\n\n"
               "Get the best of the week's news in your inbox every Friday.\n\n"
               "Residents who opposed the plan said it would remove parking "
               "spaces, but the council said most streets keep them.\n", &a);
  assert_paras_sane (&a);
  assert_string_equal (a.headline, "City council approves new cycle lanes");
  assert_int_equal (role_of (&a, "We use cookies"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "Accept all"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "Manage preferences"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "Sign up for our"), ROLE_BOILERPLATE);
  assert_false (body_has (&a, "cookie"));
  assert_false (body_has (&a, "newsletter"));
  assert_true (starts_with (a.body, "The city council voted"));
  assert_true (ends_with (a.body, "most streets keep them."));
  assert_int_equal (a.date.precision, DATE_PREC_NONE);
  assert_null (a.outlet);
  article_free (&a);
}

static void
test_comments (void **state)
{
  (void) state;
  struct article a;
  extract_str ("Rare orchid found in city park\n\n"
               "Published: 4 June 2019\n\n"
               "A volunteer counting butterflies found a rare orchid in the "
               "city park last week, the first record there in fifty years.\n\n"
               "Botanists confirmed the find and asked visitors not to pick "
               "the flowers, which are protected by law in the region.\n\n"
               "12 Comments\n\n"
               "Great news! I walk there every day and never noticed it. "
               "Hope they fence it off before someone digs it up for sure.\n\n"
               "Reply\n\n"
               "Posted on 5 June 2019 by gardenfan\n\n"
               "The council should protect the whole meadow, not just the "
               "orchid, because the butterflies depend on it as well.\n", &a);
  assert_paras_sane (&a);
  assert_string_equal (a.headline, "Rare orchid found in city park");
  assert_date (&a, "2019-06-04", DATE_PREC_DAY);
  assert_int_equal (role_of (&a, "12 Comments"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "Great news!"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "whole meadow"), ROLE_BOILERPLATE);
  assert_false (body_has (&a, "Great news"));
  assert_false (body_has (&a, "meadow"));
  assert_true (ends_with (a.body, "protected by law in the region."));
  assert_int_equal (a.authors.n, 0);
  article_free (&a);
}

static void
test_no_headline (void **state)
{
  (void) state;
  struct article a;
  extract_str ("Scientists said on Thursday they had found water ice in "
               "craters near the moon's south pole, a discovery that could "
               "help future crews. The ice was detected by an orbiter.\n\n"
               "The team published its findings in a journal and said more "
               "measurements were needed to know how much ice there is.\n",
               &a);
  assert_paras_sane (&a);
  assert_true (a.headline_derived);
  /* The lead sentence is longer than 100 characters: cut, with "…". */
  assert_true (ends_with (a.headline, "\xE2\x80\xA6"));
  assert_true (starts_with (a.headline, "Scientists said on Thursday"));
  size_t chars = 0;
  for (const char *p = a.headline; *p; p++)
    chars += ((unsigned char) *p & 0xC0) != 0x80;
  assert_true (chars <= 100);
  assert_string_equal (a.headline, "Scientists said on Thursday they had "
                       "found water ice in craters near the moon's south "
                       "pole, a\xE2\x80\xA6");
  assert_true (starts_with (a.body, "Scientists said"));
  assert_int_equal (role_of (&a, "Scientists said"), ROLE_BODY);

  struct article b;
  extract_str ("Dr. Smith resigned on Friday. The board thanked him.\n\n"
               "He had led the hospital for ten years and oversaw its "
               "expansion into the neighbouring town.\n", &b);
  assert_true (b.headline_derived);
  assert_string_equal (b.headline, "Dr. Smith resigned on Friday");
  article_free (&b);
  article_free (&a);
}

static void
test_reuters (void **state)
{
  (void) state;
  struct article a;
  extract_str ("Fed holds rates steady, signals cuts later this year\n\n"
               "WASHINGTON (Reuters) - The Federal Reserve held interest "
               "rates steady on Wednesday but signalled that it still "
               "expects to cut them later this year as inflation eases.\n\n"
               "Policymakers said the economy remained strong and the labor "
               "market tight, according to a statement after the meeting.\n\n"
               "(Reporting by Jane Doe in Washington; Editing by Peter "
               "Smith)\n", &a);
  assert_paras_sane (&a);
  assert_string_equal (a.agency, "Reuters");
  assert_null (a.outlet);
  assert_string_equal (a.headline,
                       "Fed holds rates steady, signals cuts later this year");
  assert_true (starts_with (a.body, "WASHINGTON (Reuters) - The Federal"));
  article_free (&a);
}

static void
test_french_german (void **state)
{
  (void) state;
  struct article a;
  extract_str ("Le gouvernement pr\xC3\xA9sente son budget\n\n"
               "Par Jean Dupont\n\n"
               "Le gouvernement a pr\xC3\xA9sent\xC3\xA9 mercredi un budget "
               "qui pr\xC3\xA9voit une baisse des d\xC3\xA9penses publiques "
               "et une hausse des investissements.\n\n"
               "\xC3\x80 lire aussi : Les d\xC3\xA9put\xC3\xA9s divis\xC3\xA9s "
               "sur la r\xC3\xA9" "forme\n\n"
               "Le ministre a d\xC3\xA9" "fendu un texte \xC2\xAB \xC3\xA9"
               "quilibr\xC3\xA9 \xC2\xBB devant l'Assembl\xC3\xA9" "e, a "
               "rapport\xC3\xA9 l'AFP.\n\n"
               "Abonnez-vous \xC3\xA0 notre newsletter\n\n"
               "Commentaires\n\n"
               "Encore des promesses, comme chaque ann\xC3\xA9" "e, et rien "
               "ne change pour les familles qui travaillent dur.\n", &a);
  assert_paras_sane (&a);
  assert_string_equal (a.headline,
                       "Le gouvernement pr\xC3\xA9sente son budget");
  assert_int_equal (role_of (&a, "Par Jean Dupont"), ROLE_BYLINE);
  assert_int_equal (a.authors.n, 1);
  assert_string_equal (a.authors.v[0], "Jean Dupont");
  assert_int_equal (role_of (&a, "lire aussi"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "Abonnez-vous"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "Commentaires"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "Encore des promesses"), ROLE_BOILERPLATE);
  assert_true (body_has (&a, "Le ministre a d"));
  article_free (&a);

  extract_str ("Bahn streicht Fernverkehr im Norden\n\n"
               "Von Hans M\xC3\xBCller und Anna Schmidt\n\n"
               "Die Bahn hat am Montag den Fernverkehr im Norden wegen eines "
               "Sturms eingestellt, wie ein Sprecher der dpa sagte.\n\n"
               "Anzeige\n\n"
               "Reisende sollen ihre Fahrt verschieben, Tickets behalten "
               "nach Angaben des Unternehmens ihre G\xC3\xBCltigkeit.\n\n"
               "Mehr zum Thema\n\n"
               "Sturm legt Flughafen lahm\n\n"
               "Kommentare\n\n"
               "Wieder einmal versagt die Bahn, das ist doch jedes Jahr "
               "dasselbe mit diesem Unternehmen und seinen Ausreden.\n", &a);
  assert_paras_sane (&a);
  assert_int_equal (role_of (&a, "Von Hans"), ROLE_BYLINE);
  assert_int_equal (a.authors.n, 2);
  assert_string_equal (a.authors.v[0], "Hans M\xC3\xBCller");
  assert_string_equal (a.authors.v[1], "Anna Schmidt");
  assert_int_equal (role_of (&a, "Anzeige"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "Mehr zum Thema"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "Sturm legt"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "Wieder einmal"), ROLE_BOILERPLATE);
  assert_true (ends_with (a.body, "ihre G\xC3\xBCltigkeit."));
  article_free (&a);
}

static void
test_hard_wrapped (void **state)
{
  (void) state;
  struct article a;
  extract_str ("Harbour reopens after dredging\n\n"
               "The harbour reopened to ships on Sunday after three months\n"
               "of dredging, the port authority said, and the first ferry\n"
               "arrived from the islands shortly after dawn.\n\n"
               "Fishermen had complained that the work took longer than\n"
               "promised.\n", &a);
  assert_paras_sane (&a);
  assert_int_equal (a.n_paras, 3);
  assert_true (starts_with (a.body, "The harbour reopened to ships on Sunday "
                            "after three months of dredging, the port"));
  assert_true (ends_with (a.body, "took longer than promised."));
  article_free (&a);
}

static void
test_bio_and_site (void **state)
{
  (void) state;
  struct article a;
  extract_str ("Volcano erupts on remote island\n\n"
               "A volcano on a remote Pacific island erupted overnight, "
               "sending ash twelve kilometres into the sky, Example Daily "
               "News has learned.\n\n"
               "No one lives on the island, but flights in the region were "
               "diverted as a precaution, the aviation authority said.\n\n"
               "Maria Lopez is a science reporter who has written for "
               "Example Daily News since 2015.\n", &a);
  assert_paras_sane (&a);
  assert_string_equal (a.outlet, "Example Daily News");
  assert_int_equal (a.authors.n, 1);
  assert_string_equal (a.authors.v[0], "Maria Lopez");
  assert_int_equal (role_of (&a, "Maria Lopez is"), ROLE_BOILERPLATE);
  assert_false (body_has (&a, "Maria Lopez"));
  article_free (&a);
}

/* Attribution in other shapes: a lower-case agency, a byline without "By",
   a credit with a slash, a consent banner, ASCII-upper-cased names. */
static void
test_attribution_shapes (void **state)
{
  (void) state;
  struct article a;
  extract_str ("We use necessary cookies to make our site work. We'd also "
               "like to set analytics cookies that help us make "
               "improvements by measuring how you use the site.\n\n"
               "Accept additional cookies\n\n"
               "Port workers strike over pay\n\n"
               "Via dpa news wire\n"
               "Thursday 28 July 2016 20:26 CEST\n\n"
               "Port workers walked out on Thursday in a dispute over pay, "
               "halting container traffic at the country's largest port.\n",
               &a);
  assert_string_equal (a.headline, "Port workers strike over pay");
  assert_false (a.headline_derived);
  assert_string_equal (a.agency, "dpa");
  assert_date (&a, "2016-07-28T20:26+02:00", DATE_PREC_MINUTE);
  assert_int_equal (role_of (&a, "We use necessary"), ROLE_BOILERPLATE);
  assert_int_equal (role_of (&a, "Via dpa"), ROLE_BYLINE);
  article_free (&a);

  extract_str ("Floods close mountain passes\n\n"
               "Ingrid Henderson, Reuters\n\n"
               "A rescue worker wades through water in Chur on Monday. "
               "(EFE/Zeynep Le Gall)\n\n"
               "Floods closed three mountain passes on Monday after two days "
               "of heavy rain, the authorities said, and trains were "
               "cancelled.\n\n"
               "\xC2\xA9 2014 Example Valley Gazette. All rights "
               "reserved.\n", &a);
  assert_int_equal (role_of (&a, "Ingrid Henderson"), ROLE_BYLINE);
  assert_int_equal (a.authors.n, 1);
  assert_string_equal (a.authors.v[0], "Ingrid Henderson");
  assert_string_equal (a.agency, "Reuters");
  assert_string_equal (a.outlet, "Example Valley Gazette");
  assert_int_equal (role_of (&a, "(EFE/"), ROLE_CAPTION);
  article_free (&a);

  extract_str ("Title: Budget vote delayed\n"
               "Author: Sofia Smith, Luc\xC3\xAD" "a Rossi\n\n"
               "The vote on the budget was delayed by a week.\n", &a);
  assert_int_equal (a.authors.n, 2);
  assert_string_equal (a.authors.v[1], "Luc\xC3\xAD" "a Rossi");
  article_free (&a);

  extract_str ("Budget vote delayed again\n\n"
               "By NICOLE FERN\xC3\xA1NDEZ, Associated Press\n\n"
               "The vote on the budget was delayed by another week, the "
               "speaker said on Tuesday, as talks went on.\n", &a);
  assert_int_equal (a.authors.n, 1);
  assert_string_equal (a.authors.v[0], "Nicole Fern\xC3\xA1ndez");
  assert_string_equal (a.agency, "AP");
  article_free (&a);
}

/* A name mentioned in the body is not the outlet or an author. */
static void
test_no_guessing (void **state)
{
  (void) state;
  struct article a;
  extract_str ("Markets rally on trade hopes\n\n"
               "Stocks rose on Monday, The New York Times said in a report, "
               "after officials from both countries met in Geneva.\n\n"
               "Jane Roe, an analyst at a bank, said the rally might not "
               "last if the talks stalled again next month.\n", &a);
  assert_null (a.outlet);
  assert_null (a.agency);
  assert_int_equal (a.authors.n, 0);
  assert_int_equal (a.date.precision, DATE_PREC_NONE);
  article_free (&a);
}

/* ---- robustness ----------------------------------------------------------- */

static void
test_empty (void **state)
{
  (void) state;
  struct article a;
  memset (&a, 0, sizeof a);
  extract_article ("", 0, rules, NOW, &a);
  assert_string_equal (a.headline, "");
  assert_int_equal (a.n_paras, 0);
  assert_string_equal (a.body, "");
  assert_int_equal (a.words, 0);
  article_free (&a);

  extract_str (" \n\t\n\n   \n\xC2\xA0\n", &a);
  assert_int_equal (a.n_paras, 0);
  assert_string_equal (a.headline, "");
  assert_int_equal (a.body_len, 0);
  article_free (&a);

  extract_article ("x", 1, NULL, NOW, &a);      /* no rules at all */
  assert_paras_sane (&a);
  article_free (&a);
}

static void
test_single_word (void **state)
{
  (void) state;
  struct article a;
  extract_str ("Hello", &a);
  assert_paras_sane (&a);
  assert_int_equal (a.n_paras, 1);
  assert_string_equal (a.headline, "Hello");
  article_free (&a);
}

static double
seconds (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static void
test_huge_line (void **state)
{
  (void) state;
  size_t n = (size_t) 10 << 20;
  char *s = xmalloc (n + 1);
  static const char words[] = "lorem ipsum dolor sit amet, consectetur. ";
  for (size_t i = 0; i < n; i++)
    s[i] = words[i % (sizeof words - 1)];
  s[n] = '\0';
  struct article a;
  memset (&a, 0, sizeof a);
  double t0 = seconds ();
  extract_article (s, n, rules, NOW, &a);
  double dt = seconds () - t0;
  assert_paras_sane (&a);
  assert_int_equal (a.n_paras, 1);
  assert_true (a.headline_derived);
  assert_true (strlen (a.headline) <= 4 * 100);
  size_t trimmed = n;
  while (s[trimmed - 1] == ' ')
    trimmed--;
  assert_int_equal (a.body_len, trimmed);
  /* Linear: a quadratic scan would take minutes. */
  assert_true (dt < 5.0 * test_slowdown ());
  article_free (&a);
  free (s);
}

static void
test_many_paragraphs (void **state)
{
  (void) state;
  struct buf b = BUF_INIT;
  buf_adds (&b, "Ten thousand small paragraphs follow here\n\n");
  for (int i = 0; i < 10000; i++)
    buf_printf (&b, "Line %d of the text.\n\n", i);
  struct article a;
  memset (&a, 0, sizeof a);
  double t0 = seconds ();
  extract_article (b.data, b.len, rules, NOW, &a);
  double dt = seconds () - t0;
  assert_paras_sane (&a);
  assert_int_equal (a.n_paras, 10001);
  assert_string_equal (a.headline,
                       "Ten thousand small paragraphs follow here");
  assert_true (dt < 2.0 * test_slowdown ());
  article_free (&a);
  buf_free (&b);
}

/* ---- outlet rules --------------------------------------------------------- */

static void
test_outlets_rules (void **state)
{
  (void) state;
  struct outlets *o = outlets_new ();
  struct strv w = STRV_INIT;
  const char *txt =
    "# comment\n"
    "\n"
    "outlet\tThe Daily Example\texample.com|Example|Daily Ex\n"
    "agency\tZNA\tZed News Agency\n"
    "bogus\tline\n"
    "outlet\n"
    "chrome\tThe Daily Example\tRate this story with stars\n";
  outlets_load_text (o, txt, strlen (txt), "test.txt", &w);
  assert_int_equal (w.n, 2);
  assert_true (starts_with (w.v[0], "test.txt:5:"));
  assert_true (starts_with (w.v[1], "test.txt:6:"));
  struct article a;
  memset (&a, 0, sizeof a);
  const char *art =
    "Bridge closes for repairs\n\n"
    "By Ann Lee, Zed News Agency\n\n"
    "The old bridge closed on Monday for six months of repairs, the "
    "council said, and traffic will be diverted through the town.\n\n"
    "Rate this story with stars\n\n"
    "Share\n";
  extract_article (art, strlen (art), o, NOW, &a);
  dump (&a);
  assert_string_equal (a.agency, "ZNA");
  assert_string_equal (a.outlet, "The Daily Example");
  assert_int_equal (a.authors.n, 1);
  assert_string_equal (a.authors.v[0], "Ann Lee");
  article_free (&a);

  /* A later rule wins. */
  const char *more = "outlet\tExample Weekly\tExample\n";
  outlets_load_text (o, more, strlen (more), "user.txt", &w);
  art = "Welcome to Example\n\nSomething happened on Monday in the town, "
        "and people came out to watch it happen, officials said.\n";
  extract_article (art, strlen (art), o, NOW, &a);
  assert_string_equal (a.outlet, "Example Weekly");
  article_free (&a);
  strv_free (&w);
  outlets_free (o);

  char *cause = NULL;
  o = outlets_new ();
  assert_int_equal (outlets_load_file (o, "/nonexistent/outlets.txt", NULL,
                                       &cause), -1);
  assert_non_null (cause);
  free (cause);
  outlets_free (o);
}

static void
test_outlets_default (void **state)
{
  (void) state;
  char dir[] = "/tmp/test-extract-XXXXXX";
  assert_non_null (mkdtemp (dir));
  char *sub = xasprintf ("%s/byline", dir);
  char *file = xasprintf ("%s/outlets.txt", sub);
  assert_int_equal (mkdir (sub, 0700), 0);
  FILE *f = fopen (file, "w");
  assert_non_null (f);
  fputs ("outlet\tThe Local Bugle\tbugle.example\n", f);
  fclose (f);

  char *old_data = getenv ("BYLINE_DATADIR")
    ? xstrdup (getenv ("BYLINE_DATADIR")) : NULL;
  char *old_xdg = getenv ("XDG_CONFIG_HOME")
    ? xstrdup (getenv ("XDG_CONFIG_HOME")) : NULL;
  /* No data directory: the built-in copy, then the user's file. */
  setenv ("BYLINE_DATADIR", "/nonexistent", 1);
  setenv ("XDG_CONFIG_HOME", dir, 1);
  struct strv w = STRV_INIT;
  struct outlets *o = outlets_default (&w);
  assert_int_equal (w.n, 0);
  const char *art = "Title: Fair opens\nURL: http://news.bugle.example/a\n\n"
                    "The fair opened on Saturday.\n";
  struct article a;
  memset (&a, 0, sizeof a);
  extract_article (art, strlen (art), o, NOW, &a);
  assert_string_equal (a.outlet, "The Local Bugle");
  article_free (&a);
  art = "Quake shakes city\n\nTOKYO (Kyodo) -- A strong earthquake shook "
        "the city on Monday, but no damage was reported, officials said.\n";
  extract_article (art, strlen (art), o, NOW, &a);
  assert_string_equal (a.agency, "Kyodo");
  article_free (&a);
  outlets_free (o);
  strv_free (&w);

  if (old_data)
    setenv ("BYLINE_DATADIR", old_data, 1);
  else
    unsetenv ("BYLINE_DATADIR");
  if (old_xdg)
    setenv ("XDG_CONFIG_HOME", old_xdg, 1);
  else
    unsetenv ("XDG_CONFIG_HOME");
  free (old_data);
  free (old_xdg);
  unlink (file);
  rmdir (sub);
  rmdir (dir);
  free (file);
  free (sub);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_sample_000),
    cmocka_unit_test (test_sample_001),
    cmocka_unit_test (test_sample_002),
    cmocka_unit_test (test_sample_003),
    cmocka_unit_test (test_sample_004),
    cmocka_unit_test (test_header_block),
    cmocka_unit_test (test_ap_byline),
    cmocka_unit_test (test_cookie_newsletter),
    cmocka_unit_test (test_comments),
    cmocka_unit_test (test_no_headline),
    cmocka_unit_test (test_reuters),
    cmocka_unit_test (test_french_german),
    cmocka_unit_test (test_hard_wrapped),
    cmocka_unit_test (test_bio_and_site),
    cmocka_unit_test (test_attribution_shapes),
    cmocka_unit_test (test_no_guessing),
    cmocka_unit_test (test_empty),
    cmocka_unit_test (test_single_word),
    cmocka_unit_test (test_huge_line),
    cmocka_unit_test (test_many_paragraphs),
    cmocka_unit_test (test_outlets_rules),
    cmocka_unit_test (test_outlets_default),
  };
  return cmocka_run_group_tests (tests, setup_rules, teardown_rules);
}
