/* gen-outlet.c: how news sites wrap a story, as a scrape of the page keeps
   it: site chrome, appeals, captions, comments and related links around the
   text, in the order and format each site uses. */
#include "system.h"
#include "gen-story.h"

#include <ctype.h>

enum byline_style
{
  BY_NONE,
  BY_PLAIN,             /* By Jane Doe */
  BY_UPPER_AGENCY,      /* By JANE DOE, Associated Press */
  BY_PIPE,              /* Jane Doe | Reuters */
  BY_TITLE,             /* Jane Doe, Science Correspondent */
  BY_STORY,             /* Story by Jane Doe • Reuters */
};

/* Layout letters, in page order:
   n notification prompt   k cookie banner        h headline
   d dek                   v "Via AP news wire"   y byline
   t date line             b "DATE by AUTHOR"     c lead photo caption
   a donation appeal       s share buttons        B body
   e "Explore further"     r related stories      R recommended
   m reader comments       i author bio           l newsletter sign-up
   g "Thank you for registering"   f copyright / wire footer
   z aggregator lead: " date 2021-04 CAPTION (CREDIT)" */
struct outlet
{
  const char *name;
  const char *domain;
  const char *layout;
  enum date_style date;
  enum byline_style byline;
  bool uk;
  bool title_case;
};

#define OUTLET(var, ...) static const struct outlet var = { __VA_ARGS__ }
OUTLET (o_independent, "The Independent", "independent.co.uk", "nhdvtcaBg",
        DS_WEEKDAY_DMY_TIME, BY_NONE, true, false);
OUTLET (o_phys, "Phys.org", "phys.org", "hbdBerRm", DS_MDY, BY_NONE, false, false);
OUTLET (o_space, "Space.com", "space.com", "hcBi", DS_MDY, BY_NONE, false, true);
OUTLET (o_apnews, "AP News", "apnews.com", "hytcBf", DS_AP_SITE,
        BY_UPPER_AGENCY, false, false);
OUTLET (o_reuters, "Reuters", "reuters.com", "thycBf", DS_REUTERS, BY_PLAIN,
        false, false);
OUTLET (o_guardian, "The Guardian", "theguardian.com", "khdytcsBlr",
        DS_DAY_MON, BY_PLAIN, true, false);
OUTLET (o_usatoday, "USA Today", "usatoday.com", "hdytcBsr", DS_PUBLISHED,
        BY_TITLE, false, true);
OUTLET (o_cnn, "CNN", "cnn.com", "hytcBr", DS_CNN, BY_PLAIN, false, false);
OUTLET (o_france24, "France 24", "france24.com", "htdcBf", DS_FR, BY_NONE,
        true, false);
OUTLET (o_dw, "Deutsche Welle", "dw.com", "htdcBsf", DS_DE, BY_NONE, true, false);
OUTLET (o_elpais, "El País", "english.elpais.com", "htdyBf", DS_ES, BY_PLAIN,
        false, false);
OUTLET (o_yahoo, "Yahoo News", "news.yahoo.com", "zB", DS_MONTH_ONLY, BY_NONE,
        false, false);
OUTLET (o_usnews, "U.S. News", "usnews.com", "thB", DS_PIPE, BY_NONE, false, true);
OUTLET (o_straits, "The Straits Times", "straitstimes.com", "khtycBsr",
        DS_DMY_SLASH, BY_PLAIN, true, false);
OUTLET (o_aljazeera, "Al Jazeera", "aljazeera.com", "hdtcBsr", DS_DAY_MON,
        BY_NONE, false, false);
OUTLET (o_newsday, "Newsday", "newsday.com", "hytBml", DS_US_SLASH, BY_PLAIN,
        false, false);
OUTLET (o_hindu, "The Hindu", "thehindu.com", "htycBr", DS_ISO, BY_PLAIN,
        true, false);
OUTLET (o_bloomberg, "Bloomberg", "bloomberg.com", "hdytBl", DS_ISO_Z,
        BY_PLAIN, false, false);
OUTLET (o_abc, "ABC News", "abcnews.go.com", "hytcBl", DS_MDY_AP,
        BY_UPPER_AGENCY, false, true);
OUTLET (o_dailymail, "Daily Mail", "dailymail.co.uk", "hdytcBsm", DS_DAY_MON,
        BY_STORY, true, false);
OUTLET (o_smh, "The Sydney Morning Herald", "smh.com.au", "khdytBl", DS_MDY,
        BY_TITLE, true, false);
OUTLET (o_toi, "The Times of India", "timesofindia.indiatimes.com", "htycBm",
        DS_MDY_AP, BY_PLAIN, true, false);
OUTLET (o_feed, "NewsBank", "newsbank.com", "hyB", DS_RFC822, BY_PLAIN, false,
        false);
OUTLET (o_msn, "MSN", "msn.com", "hytBR", DS_DAY_MON, BY_STORY, false, false);

const struct outlet *const gen_outlets[] = {
  &o_independent, &o_phys, &o_space, &o_apnews, &o_reuters, &o_guardian,
  &o_usatoday, &o_cnn, &o_france24, &o_dw, &o_elpais, &o_yahoo, &o_usnews,
  &o_straits, &o_aljazeera, &o_newsday, &o_hindu, &o_bloomberg, &o_abc,
  &o_dailymail, &o_smh, &o_toi, &o_feed, &o_msn,
};
const size_t gen_n_outlets = ARRAY_SIZE (gen_outlets);

bool
outlet_uk (const struct outlet *o)
{
  return o->uk;
}

const char *
outlet_name (const struct outlet *o)
{
  return o->name;
}

/* Everything one render needs. */
struct page
{
  struct buf *b;
  const struct outlet *o;
  const struct story *s;
  struct render_info *info;
  struct rng *r;
  bool date_done;
};

static void
para (struct page *pg, const char *text)
{
  buf_adds (pg->b, text);
  buf_adds (pg->b, "\n\n");
}

/* Prints the date and, the first time, records what a reader can get
   from it: the local time and offset when a zone is printed, the local
   time alone when it is not. */
static void
page_date (struct page *pg, enum date_style style, const struct gdate *g)
{
  enum date_prec p = gdate_print (pg->b, style, g, pg->r);
  if (pg->date_done)
    return;
  pg->date_done = true;
  struct buf *d = &pg->info->date;
  struct gdate u = *g;
  bool zone = true;
  switch (style)
    {
    case DS_ISO_Z: case DS_REUTERS: case DS_CNN:
      gdate_in_zone (g, 0, "UTC", &u);
      break;
    case DS_PUBLISHED:
      gdate_eastern (g, &u);
      break;
    case DS_FR: case DS_DE: case DS_ES: case DS_US_SLASH:
      zone = false;
      break;
    default:
      break;
    }
  switch (p)
    {
    case DP_NONE: break;
    case DP_YEAR: buf_printf (d, "%04d", u.year); break;
    case DP_MONTH: buf_printf (d, "%04d-%02d", u.year, u.month); break;
    case DP_DAY:
      buf_printf (d, "%04d-%02d-%02d", u.year, u.month, u.day);
      break;
    case DP_MINUTE:
    case DP_SECOND:
      buf_printf (d, "%04d-%02d-%02dT%02d:%02d", u.year, u.month, u.day,
                  u.hour, u.minute);
      if (p == DP_SECOND)
        buf_printf (d, ":%02d", u.second);
      if (zone && u.tz_minutes == 0)
        buf_adds (d, "Z");
      else if (zone)
        buf_printf (d, "%c%02d:%02d", u.tz_minutes < 0 ? '-' : '+',
                    abs (u.tz_minutes) / 60, abs (u.tz_minutes) % 60);
      break;
    }
}

static void
page_credit (struct page *pg, struct buf *b)
{
  const struct story *s = pg->s;
  if (s->agency && rng_chance (pg->r, 0.7))
    {
      buf_adds (b, "(");
      buf_printf (b, s->agency->credit, s->photographer);
      buf_adds (b, ")");
    }
  else if (rng_chance (pg->r, 0.5))
    buf_printf (b, "(Image credit: %s)", s->cast->org);
  else
    buf_printf (b, "(Photo: %s/Getty Images)", s->photographer);
}

static void
block_caption (struct page *pg, const char *caption)
{
  struct buf line = BUF_INIT;
  switch (rng_below (pg->r, 3))
    {
    case 0:                     /* a short title line, then caption + credit */
      buf_printf (&line, "%s\n", pg->s->cast->thing);
      gen_capitalize (line.data);
      break;
    case 1:                     /* the caption twice, credit on the second */
      buf_printf (&line, "%s.\n", caption);
      break;
    default:
      break;
    }
  buf_printf (&line, "%s. ", caption);
  page_credit (pg, &line);
  para (pg, line.data);
  buf_free (&line);
}

static void
block_byline (struct page *pg)
{
  const struct story *s = pg->s;
  const char *a0 = s->authors.v[0];
  const char *ag = s->agency ? s->agency->name : NULL;
  struct buf line = BUF_INIT;
  switch (pg->o->byline)
    {
    case BY_NONE:
      buf_printf (&line, "By %s", a0);
      break;
    case BY_PLAIN:
      buf_printf (&line, "By %s", a0);
      if (s->authors.n > 1)
        buf_printf (&line, " and %s", s->authors.v[1]);
      break;
    case BY_UPPER_AGENCY:
      buf_adds (&line, "By ");
      for (size_t i = 0; i < s->authors.n; i++)
        {
          if (i)
            buf_adds (&line, " and ");
          for (const char *p = s->authors.v[i]; *p; p++)
            buf_addc (&line, (char) toupper ((unsigned char) *p));
        }
      if (ag)
        buf_printf (&line, ", %s", ag);
      break;
    case BY_PIPE:
      buf_printf (&line, "%s | %s", a0, ag ? ag : pg->o->name);
      break;
    case BY_TITLE:
      buf_printf (&line, "%s, %s", a0, ag ? ag : "Staff writer");
      break;
    case BY_STORY:
      buf_printf (&line, "Story by %s • %s", a0, ag ? ag : pg->o->name);
      break;
    }
  if (ag && pg->o->byline == BY_PLAIN && rng_chance (pg->r, 0.3))
    buf_printf (&line, " | %s", s->agency->short_name);
  para (pg, line.data);
  buf_free (&line);
}

static const char *const appeals[] = {
  "Your support helps us to tell the story\n\n"
  "From reproductive rights to climate change to Big Tech, %s is on the "
  "ground when the story is developing. Whether it's investigating the "
  "financials of a billionaire's political action committee or producing our "
  "latest documentary, we know how important it is to parse out the facts "
  "from the messaging.\n\n"
  "At such a critical moment in history, we need reporters on the ground. "
  "Your donation allows us to keep sending journalists to speak to both sides "
  "of the story.\n\n"
  "%s is trusted by readers across the entire political spectrum. And unlike "
  "many other quality news outlets, we choose not to lock readers out of our "
  "reporting and analysis with paywalls. We believe quality journalism should "
  "be available to everyone, paid for by those who can afford it.\n\n"
  "Your support makes all the difference.",
  "This article was made possible by readers like you. %s is an independent, "
  "nonprofit newsroom, and we rely on your support to keep our journalism "
  "free for everyone.\n\nWill you join the readers who already support %s? "
  "Donate now. It only takes a minute. Thank you.",
  "Dear reader,\n\nWe have a small favor to ask. Millions are turning to %s "
  "for open, independent, quality news every day. Unlike many others, we have "
  "no shareholders and no billionaire owner. If you can, please support %s "
  "from as little as $1 – it only takes a minute.\n\nSupport us\n\n"
  "Remind me in May",
};

static void
block_appeal (struct page *pg)
{
  const char *fmt = appeals[rng_below (pg->r, ARRAY_SIZE (appeals))];
  buf_printf (pg->b, fmt, pg->o->name, pg->o->name);
  buf_adds (pg->b, "\n\n");
}

static void
block_cookies (struct page *pg)
{
  static const char *const banners[] = {
    "We use cookies to improve your experience on our site and to show you "
    "personalised advertising. By continuing to browse, you agree to our use "
    "of cookies.\n\nAccept all | Manage preferences",
    "This website uses cookies. We and our partners store and access "
    "information on your device for personalised ads and content, ad and "
    "content measurement, audience insights and product development.\n\n"
    "I Accept\n\nShow Purposes",
    "Cookie settings\n\nWe use necessary cookies to make our site work. We'd "
    "also like to set analytics cookies that help us make improvements by "
    "measuring how you use the site.\n\nAccept additional cookies\n\n"
    "Reject additional cookies",
  };
  para (pg, banners[rng_below (pg->r, ARRAY_SIZE (banners))]);
}

static void
block_share (struct page *pg)
{
  static const char *const shares[] = {
    "Share this article\n\nFacebook Twitter Email LinkedIn",
    "Share on Facebook\nShare on Twitter\nShare via Email\nCopy link",
    "Share\n\nTweet\n\nEmail\n\nPrint",
    ("Share this with\nEmail\nFacebook\nMessenger\nTwitter\nPinterest\n"
     "WhatsApp\nLinkedIn\nCopy this link"),
  };
  para (pg, shares[rng_below (pg->r, ARRAY_SIZE (shares))]);
}

static void
block_newsletter (struct page *pg)
{
  static const char *const letters[] = {
    "Sign up for our daily newsletter\n\nGet the day's top stories delivered "
    "to your inbox every morning.\n\nEnter your email address\n\nSign up\n\n"
    "By signing up you agree to our Terms of Use and Privacy Policy",
    "Newsletter\n\nThe Morning Briefing: the news you need to start your day, "
    "from %s.\n\nSubscribe\n\nThank you for subscribing!",
    "Get our free weekly newsletter\n\nSign up to receive the best of %s, "
    "handpicked by our editors, straight to your inbox.",
  };
  buf_printf (pg->b, letters[rng_below (pg->r, ARRAY_SIZE (letters))],
              pg->o->name);
  buf_adds (pg->b, "\n\n");
}

/* A teaser for some other story (a fresh cast, so no shared names). */
static void
teaser_items (struct page *pg, int n, bool dated)
{
  for (int i = 0; i < n; i++)
    {
      struct cast other;
      cast_init (&other, pg->r);
      struct buf t = BUF_INIT;
      gen_expand (&t, rng_pick (pg->r, &gen_headlines), &other, pg->r);
      gen_capitalize (t.data);
      para (pg, t.data);
      if (dated)
        {
          struct gdate g = pg->s->date;
          gdate_shift (&g, -(int64_t) rng_below (pg->r, 3000) * 86400, NULL);
          buf_reset (&t);
          gdate_print (&t, DS_MDY, &g, pg->r);
          para (pg, t.data);
        }
      buf_reset (&t);
      gen_expand (&t, rng_pick (pg->r, &gen_teasers), &other, pg->r);
      gen_capitalize (t.data);
      buf_adds (&t, rng_chance (pg->r, 0.5) ? " ..." : ".");
      para (pg, t.data);
      buf_free (&t);
      cast_free (&other);
    }
}

static void
block_related (struct page *pg, bool recommended)
{
  static const char *const titles[] = {
    "Related Stories", "Related", "More from %s", "Read more", "Most popular",
  };
  if (recommended)
    para (pg, "Recommended for you");
  else
    {
      buf_printf (pg->b, titles[rng_below (pg->r, ARRAY_SIZE (titles))],
                  pg->o->name);
      buf_adds (pg->b, "\n\n");
    }
  teaser_items (pg, rng_range (pg->r, 2, 4), pg->o == &o_phys);
}

static void
block_explore (struct page *pg)
{
  struct cast other;
  cast_init (&other, pg->r);
  struct buf t = BUF_INIT;
  buf_adds (&t, "Explore further: ");
  size_t start = t.len;
  gen_expand (&t, rng_pick (pg->r, &gen_headlines), &other, pg->r);
  gen_capitalize (t.data + start);
  if (rng_chance (pg->r, 0.3))
    buf_adds (&t, " (Update)");
  para (pg, t.data);
  buf_free (&t);
  cast_free (&other);
}

static void
comment_date (struct page *pg, struct buf *b)
{
  struct gdate g = pg->s->date;
  gdate_shift (&g, rng_below (pg->r, 3 * 86400), NULL);
  buf_printf (b, "%s %d, %d", gdate_month_abbr (g.month), g.day, g.year);
}

static void
block_comments (struct page *pg)
{
  struct rng *r = pg->r;
  struct buf t = BUF_INIT;
  bool physorg = rng_chance (r, 0.6);
  if (physorg)
    para (pg, "Adjust slider to filter visible comments by rank\n\n"
          "Display comments: newest first");
  else
    {
      buf_printf (&t, "%d Comments", rng_range (r, 2, 480));
      para (pg, t.data);
    }
  int n = rng_range (r, 1, 6);
  for (int i = 0; i < n; i++)
    {
      buf_reset (&t);
      if (physorg)
        {
          int votes = rng_range (r, 1, 9);
          if (rng_chance (r, 0.3))
            buf_adds (&t, "not rated yet ");
          else
            buf_printf (&t, "%d / 5 (%d) ", rng_range (r, 1, 5), votes);
          comment_date (pg, &t);
          buf_addc (&t, '\n');
          if (rng_chance (r, 0.3))
            buf_printf (&t, "%s\n", rng_pick (r, &gen_commenters));
        }
      else
        {
          const char *who = rng_pick (r, &gen_commenters);
          int ago = rng_range (r, 2, 11);
          buf_printf (&t, "%s • %d %s ago\n", who, ago,
                      rng_chance (r, 0.5) ? "hours" : "years");
        }
      if (rng_chance (r, 0.1))
        buf_adds (&t, "This comment has been removed by a moderator.");
      else
        {
          size_t start = t.len;
          gen_expand (&t, rng_pick (r, &gen_comments), pg->s->cast, r);
          gen_capitalize (t.data + start);
          buf_addc (&t, '.');
        }
      if (!physorg)
        buf_adds (&t, "\nReply • Share ›");
      para (pg, t.data);
    }
  if (physorg)
    para (pg, "Please sign in to add a comment. Registration is free, and takes "
          "less than a minute. Read more\n\nClick here to reset your password.\n"
          "Sign in to get notified via email when new comments are made.");
  buf_free (&t);
}

static void
block_bio (struct page *pg)
{
  const char *a = pg->s->authors.v[0];
  const char *field = pg->s->cast->topic->field;
  int decades = rng_range (pg->r, 1, 5);
  int since = rng_range (pg->r, 1995, 2015);
  int years = rng_range (pg->r, 10, 50);
  int book = rng_range (pg->r, 2005, 2020);
  struct buf t = BUF_INIT;
  buf_printf (&t, "%s has been reporting on %s for more than %d decades. "
              "%s is past editor of %s's magazine and has written for %s "
              "since %d.", a, field, decades, a, pg->s->cast->org2,
              pg->o->name, since);
  para (pg, t.data);
  buf_reset (&t);
  buf_printf (&t, "%s\n%s Columnist", a, field);
  gen_capitalize (strchr (t.data, '\n') + 1);
  para (pg, t.data);
  buf_reset (&t);
  buf_printf (&t, "%s is an award-winning %s journalist who has been "
              "reporting for more than %d years. Currently writing as %s's "
              "columnist among other projects, %s has authored numerous books, "
              "the latest published in %d. You can find out %s's latest "
              "project at the website and on Twitter.", a, field, years,
              pg->o->name, a, book, a);
  para (pg, t.data);
  buf_free (&t);
}

static void
block_footer (struct page *pg)
{
  const struct story *s = pg->s;
  struct buf t = BUF_INIT;
  const char *ag = s->agency ? s->agency->short_name : "";
  if (strcmp (ag, "AP") == 0)
    buf_printf (&t, "Copyright %d The Associated Press. All rights reserved. "
                "This material may not be published, broadcast, rewritten or "
                "redistributed without permission.", s->date.year);
  else if (strcmp (ag, "Reuters") == 0)
    buf_printf (&t, "Reporting by %s in %s; Editing by %s\n\n"
                "Our Standards: The Thomson Reuters Trust Principles.",
                s->authors.v[0], s->cast->city, s->photographer);
  else if (strcmp (ag, "AFP") == 0)
    buf_printf (&t, "© %d AFP", s->date.year);
  else if (*ag)
    buf_printf (&t, "%s/%s", ag, s->photographer);
  else
    buf_printf (&t, "© %d %s. All rights reserved.", s->date.year,
                pg->o->name);
  para (pg, t.data);
  buf_free (&t);
}

/* Body paragraphs, with now and then a caption, an advert or a link. */
static void
block_body (struct page *pg)
{
  const struct story *s = pg->s;
  struct rng *r = pg->r;
  bool ads = rng_chance (r, 0.2);
  size_t mid_caption = s->captions.n > 1 && rng_chance (r, 0.5)
    ? 2 + rng_below (r, (uint32_t) s->paras.n) : (size_t) -1;
  for (size_t i = 0; i < s->paras.n; i++)
    {
      if (i == mid_caption)
        {
          buf_adds (pg->b, s->captions.v[1]);
          buf_adds (pg->b, "\n\n");
        }
      if (ads && i > 0 && i % 4 == 0)
        para (pg, rng_chance (r, 0.5) ? "Advertisement" : "ADVERTISEMENT");
      else if (i == 3 && rng_chance (r, 0.1))
        {
          struct buf t = BUF_INIT;
          buf_adds (&t, "READ MORE: ");
          gen_expand (&t, rng_pick (r, &gen_headlines), s->cast, r);
          para (pg, t.data);
          buf_free (&t);
        }
      para (pg, s->paras.v[i]);
    }
}

static void
block_headline (struct page *pg)
{
  char *h = xstrdup (pg->s->headline);
  if (pg->o->title_case)
    gen_title_case (h);
  para (pg, h);
  free (h);
  pg->info->headline_shown = true;
}

/* " date 2021-04 A visitor views ... (AP Photo/Ng Han Guan)" */
static void
block_aggregator (struct page *pg)
{
  buf_adds (pg->b, " ");
  page_date (pg, pg->o->date, &pg->s->date);
  buf_printf (pg->b, " %s. ", pg->s->captions.v[0]);
  page_credit (pg, pg->b);
  buf_adds (pg->b, "\n\n");
}

static void
render_block (struct page *pg, char c)
{
  const struct story *s = pg->s;
  struct rng *r = pg->r;
  switch (c)
    {
    case 'n':
      buf_printf (pg->b, "Stay up to date with notifications from %s\n\n"
                  "Notifications can be managed in browser preferences.\n\n",
                  pg->o->name);
      break;
    case 'k': block_cookies (pg); break;
    case 'h': block_headline (pg); break;
    case 'd':
      if (rng_chance (r, 0.8))
        para (pg, s->dek);
      break;
    case 'v':
      if (s->agency)
        buf_printf (pg->b, "Via %s news wire\n", s->agency->short_name);
      break;
    case 'y':
      if (s->agency || rng_chance (r, 0.9))
        block_byline (pg);
      break;
    case 't':
      page_date (pg, pg->o->date, &s->date);
      buf_adds (pg->b, "\n\n");
      break;
    case 'b':
      page_date (pg, pg->o->date, &s->date);
      buf_printf (pg->b, " by %s\n", s->authors.v[0]);
      break;
    case 'c': block_caption (pg, s->captions.v[0]); break;
    case 'a': block_appeal (pg); break;
    case 's': block_share (pg); break;
    case 'B': block_body (pg); break;
    case 'e': block_explore (pg); break;
    case 'r':
      if (rng_chance (r, 0.8))
        block_related (pg, false);
      break;
    case 'R': block_related (pg, true); break;
    case 'm':
      if (rng_chance (r, 0.7))
        block_comments (pg);
      break;
    case 'i': block_bio (pg); break;
    case 'l':
      if (rng_chance (r, 0.6))
        block_newsletter (pg);
      break;
    case 'g':
      buf_adds (pg->b, "Thank you for registering\n\nPlease refresh the page "
                "or navigate to another page on the site to be automatically "
                "logged inPlease refresh your browser to be logged in\n\n");
      break;
    case 'f':
      if (rng_chance (r, 0.8))
        block_footer (pg);
      break;
    case 'z': block_aggregator (pg); break;
    }
}

/* An RFC 822-style header block, as export tools write it. */
static void
render_header (struct page *pg)
{
  const struct story *s = pg->s;
  struct buf *b = pg->b;
  buf_printf (b, "Title: %s\nDate: ", s->headline);
  page_date (pg, rng_chance (pg->r, 0.6) ? DS_RFC822 : DS_ISO_Z, &s->date);
  buf_printf (b, "\nSource: %s\n", pg->o->name);
  if (s->agency)
    buf_printf (b, "Agency: %s\n", s->agency->name);
  buf_adds (b, "Author: ");
  for (size_t i = 0; i < s->authors.n; i++)
    buf_printf (b, "%s%s", i ? ", " : "", s->authors.v[i]);
  buf_printf (b, "\nURL: https://www.%s/%s/%04d/%02d/%02d/", pg->o->domain,
              s->cast->topic->name, s->date.year, s->date.month, s->date.day);
  for (const char *p = s->headline; *p; p++)
    if (isalnum ((unsigned char) *p))
      buf_addc (b, (char) tolower ((unsigned char) *p));
    else if (b->data[b->len - 1] != '-')
      buf_addc (b, '-');
  buf_adds (b, "\n\n");
  pg->info->headline_shown = true;
}

/* ---- file-level accidents ------------------------------------------------ */

/* Windows-1252 bytes 0x80..0x9f (0 where undefined). */
static const uint16_t cp1252_high[32] = {
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030,
  0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e,
  0x0178
};

static void
put_utf8 (struct buf *b, unsigned cp)
{
  if (cp < 0x80)
    buf_addc (b, (char) cp);
  else if (cp < 0x800)
    {
      buf_addc (b, (char) (0xc0 | cp >> 6));
      buf_addc (b, (char) (0x80 | (cp & 0x3f)));
    }
  else
    {
      buf_addc (b, (char) (0xe0 | cp >> 12));
      buf_addc (b, (char) (0x80 | ((cp >> 6) & 0x3f)));
      buf_addc (b, (char) (0x80 | (cp & 0x3f)));
    }
}

/* Decodes one UTF-8 sequence of at most three bytes (all the generator
   writes); returns its length. */
static size_t
get_utf8 (const unsigned char *p, unsigned *cp)
{
  if (p[0] < 0x80)
    {
      *cp = p[0];
      return 1;
    }
  if (p[0] < 0xe0)
    {
      *cp = (unsigned) (p[0] & 0x1f) << 6 | (p[1] & 0x3f);
      return 2;
    }
  *cp = (unsigned) (p[0] & 0x0f) << 12 | (unsigned) (p[1] & 0x3f) << 6
    | (p[2] & 0x3f);
  return 3;
}

static char
to_cp1252 (unsigned cp)
{
  if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff))
    return (char) cp;
  for (unsigned i = 0; i < 32; i++)
    if (cp1252_high[i] == cp)
      return (char) (0x80 + i);
  return '?';
}

enum accident { ACC_NONE, ACC_CRLF, ACC_CP1252, ACC_MOJIBAKE, ACC_BOM };

static void
apply_accident (struct buf *b, size_t start, enum accident acc)
{
  if (acc == ACC_NONE)
    return;
  struct buf out = BUF_INIT;
  buf_add (&out, b->data, start);
  if (acc == ACC_BOM)
    buf_adds (&out, "\xef\xbb\xbf");
  const unsigned char *p = (const unsigned char *) b->data + start;
  const unsigned char *end = (const unsigned char *) b->data + b->len;
  while (p < end)
    {
      unsigned cp;
      size_t n = get_utf8 (p, &cp);
      if (acc == ACC_CRLF && cp == '\n')
        buf_adds (&out, "\r\n");
      else if (acc == ACC_CP1252)
        buf_addc (&out, to_cp1252 (cp));
      else if (acc == ACC_MOJIBAKE && n > 1)
        for (size_t i = 0; i < n; i++)    /* UTF-8 read as 1252, re-encoded */
          put_utf8 (&out, p[i] >= 0xa0 ? p[i]
                    : cp1252_high[p[i] - 0x80] ? cp1252_high[p[i] - 0x80]
                    : p[i]);
      else
        buf_add (&out, p, n);
      p += n;
    }
  buf_free (b);
  *b = out;
}

void
outlet_render (struct buf *b, const struct outlet *o, const struct story *s,
               struct render_info *info, struct rng *r)
{
  size_t start = b->len;
  struct page pg = { b, o, s, info, r, false };
  if (rng_chance (r, 0.08))
    {
      render_header (&pg);
      block_body (&pg);
    }
  else
    for (const char *c = o->layout; *c; c++)
      render_block (&pg, *c);
  /* The final paragraph break: one newline, or none (as often scraped). */
  while (b->len > start && b->data[b->len - 1] == '\n')
    b->data[--b->len] = '\0';
  if (rng_chance (r, 0.7))
    buf_addc (b, '\n');
}

const char *
outlet_accident (struct buf *b, struct rng *r)
{
  uint32_t x = rng_below (r, 1000);
  enum accident acc = x < 20 ? ACC_CRLF : x < 30 ? ACC_CP1252
    : x < 40 ? ACC_MOJIBAKE : x < 50 ? ACC_BOM : ACC_NONE;
  apply_accident (b, 0, acc);
  static const char *const names[] = {
    [ACC_NONE] = "", [ACC_CRLF] = "crlf", [ACC_CP1252] = "cp1252",
    [ACC_MOJIBAKE] = "mojibake", [ACC_BOM] = "bom"
  };
  return names[acc];
}
