/* outlets.c: the outlet and wire-agency signature rules (data/outlets.txt). */
#include "system.h"
#include "extract.h"
#include "extract-int.h"

#include "buf.h"
#include "strv.h"

/* One canonical name. */
struct outlet_name
{
  char *name;
  enum outlet_kind kind;
};

/* A folded key (alias, domain or chrome phrase) and the name it means.
   Later rules win over earlier ones for the same key ('seq'). */
struct outlet_key
{
  char *key;
  size_t len;
  size_t name;
  size_t seq;
};

struct outlets
{
  struct outlet_name *names;
  size_t n_names, a_names;
  struct outlet_key *keys;      /* sorted after every load */
  size_t n_keys, a_keys;
  struct outlet_key *chrome;    /* in load order */
  size_t n_chrome, a_chrome;
  size_t seq;
};

struct outlets *
outlets_new (void)
{
  return xcalloc (1, sizeof (struct outlets));
}

void
outlets_free (struct outlets *o)
{
  if (o == NULL)
    return;
  for (size_t i = 0; i < o->n_names; i++)
    free (o->names[i].name);
  for (size_t i = 0; i < o->n_keys; i++)
    free (o->keys[i].key);
  for (size_t i = 0; i < o->n_chrome; i++)
    free (o->chrome[i].key);
  free (o->names);
  free (o->keys);
  free (o->chrome);
  free (o);
}

static bool
outlets_trim_char (unsigned char c)
{
  return c == ' ' || c == '(' || c == ')' || c == '"' || c == '\''
         || c == ',' || c == '.' || c == ':' || c == ';' || c == '-'
         || c == '|' || c == '[' || c == ']' || c == '/';
}

/* The lookup key of s[0..n): folded, without surrounding punctuation and
   a leading article, so "(The Associated Press." and "associated press"
   meet. */
static void
outlets_key (const char *s, size_t n, struct buf *out)
{
  extract_fold (s, n, out);
  size_t b = 0, e = out->len;
  while (b < e && outlets_trim_char ((unsigned char) out->data[b]))
    b++;
  while (e > b && outlets_trim_char ((unsigned char) out->data[e - 1]))
    e--;
  if (e - b > 4 && memcmp (out->data + b, "the ", 4) == 0)
    b += 4;
  memmove (out->data, out->data + b, e - b);
  out->len = e - b;
  out->data[out->len] = '\0';
}

static int
outlets_key_cmp (const void *pa, const void *pb)
{
  const struct outlet_key *a = pa, *b = pb;
  size_t n = MIN (a->len, b->len);
  int c = memcmp (a->key, b->key, n);
  if (c)
    return c;
  if (a->len != b->len)
    return a->len < b->len ? -1 : 1;
  /* Newest first, so a lower bound finds the rule loaded last. */
  return a->seq > b->seq ? -1 : a->seq < b->seq;
}

static size_t
outlets_add_name (struct outlets *o, const char *name, size_t n,
                  enum outlet_kind kind)
{
  for (size_t i = o->n_names; i-- > 0;)
    if (o->names[i].kind == kind && strlen (o->names[i].name) == n
        && memcmp (o->names[i].name, name, n) == 0)
      return i;
  o->names = xgrow (o->names, &o->a_names, o->n_names + 1, sizeof *o->names);
  o->names[o->n_names].name = xstrndup (name, n);
  o->names[o->n_names].kind = kind;
  return o->n_names++;
}

static void
outlets_add_key (struct outlet_key **v, size_t *nv, size_t *av,
                 const char *s, size_t n, size_t name, size_t seq)
{
  struct buf k = BUF_INIT;
  outlets_key (s, n, &k);
  if (k.len == 0)
    {
      buf_free (&k);
      return;
    }
  *v = xgrow (*v, av, *nv + 1, sizeof **v);
  (*v)[*nv].len = k.len;
  (*v)[*nv].key = buf_steal (&k);
  (*v)[*nv].name = name;
  (*v)[*nv].seq = seq;
  (*nv)++;
}

/* Splits s[0..n) at the first tab run: the field and where the rest starts. */
static size_t
outlets_field (const char *s, size_t n, size_t *next)
{
  const char *t = memchr (s, '\t', n);
  size_t f = t ? (size_t) (t - s) : n;
  size_t r = f;
  while (r < n && s[r] == '\t')
    r++;
  *next = r;
  while (f > 0 && (s[f - 1] == ' ' || s[f - 1] == '\t'))
    f--;
  return f;
}

static void
outlets_load_line (struct outlets *o, const char *s, size_t n,
                   const char *name, size_t lineno, struct strv *warnings)
{
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
    n--;
  size_t b = 0;
  while (b < n && (s[b] == ' ' || s[b] == '\t'))
    b++;
  if (b == n || s[b] == '#')
    return;
  s += b;
  n -= b;

  size_t next, kl = outlets_field (s, n, &next);
  const char *nm = s + next;
  size_t nn = n - next;
  size_t next2, nl = outlets_field (nm, nn, &next2);
  const char *al = nm + next2;
  size_t an = nn - next2;

  enum outlet_kind kind;
  bool chrome = false;
  if (kl == 6 && memcmp (s, "outlet", 6) == 0)
    kind = OUTLET_PUBLICATION;
  else if (kl == 6 && memcmp (s, "agency", 6) == 0)
    kind = OUTLET_AGENCY;
  else if (kl == 6 && memcmp (s, "chrome", 6) == 0)
    {
      kind = OUTLET_PUBLICATION;
      chrome = true;
    }
  else
    {
      if (warnings)
        strv_addf (warnings, _("%s:%zu: unknown rule kind (expected outlet, "
                               "agency or chrome)"), name, lineno);
      return;
    }
  if (nl == 0 || (chrome && an == 0))
    {
      if (warnings)
        strv_addf (warnings, _("%s:%zu: missing field (fields are separated "
                               "by tabs)"), name, lineno);
      return;
    }

  size_t idx = outlets_add_name (o, nm, nl, kind);
  o->seq++;
  if (!chrome)
    outlets_add_key (&o->keys, &o->n_keys, &o->a_keys, nm, nl, idx, o->seq);
  while (an > 0)
    {
      const char *bar = memchr (al, '|', an);
      size_t l = bar ? (size_t) (bar - al) : an;
      if (chrome)
        outlets_add_key (&o->chrome, &o->n_chrome, &o->a_chrome, al, l, idx,
                         o->seq);
      else
        outlets_add_key (&o->keys, &o->n_keys, &o->a_keys, al, l, idx,
                         o->seq);
      if (bar == NULL)
        break;
      al += l + 1;
      an -= l + 1;
    }
}

void
outlets_load_text (struct outlets *o, const char *text, size_t len,
                   const char *name, struct strv *warnings)
{
  size_t lineno = 0;
  while (len > 0)
    {
      const char *nl = memchr (text, '\n', len);
      size_t l = nl ? (size_t) (nl - text) : len;
      outlets_load_line (o, text, l, name, ++lineno, warnings);
      if (nl == NULL)
        break;
      text += l + 1;
      len -= l + 1;
    }
  if (o->n_keys > 1)          /* o->keys is NULL while there are none */
    qsort (o->keys, o->n_keys, sizeof *o->keys, outlets_key_cmp);
}

int
outlets_load_file (struct outlets *o, const char *path,
                   struct strv *warnings, char **cause)
{
  FILE *f = fopen (path, "rb");
  if (f == NULL)
    {
      *cause = xasprintf (_("cannot open %s: %s"), path, strerror (errno));
      return -1;
    }
  struct buf b = BUF_INIT;
  char chunk[8192];
  size_t r;
  while ((r = fread (chunk, 1, sizeof chunk, f)) > 0)
    buf_add (&b, chunk, r);
  if (ferror (f))
    {
      *cause = xasprintf (_("cannot read %s: %s"), path, strerror (errno));
      fclose (f);
      buf_free (&b);
      return -1;
    }
  fclose (f);
  outlets_load_text (o, b.data ? b.data : "", b.len, path, warnings);
  buf_free (&b);
  return 0;
}

/* Loads 'path' if it exists; returns whether it did. */
static bool
outlets_try_file (struct outlets *o, const char *path, struct strv *warnings)
{
  FILE *f = fopen (path, "rb");
  if (f == NULL)
    {
      if (errno != ENOENT && errno != ENOTDIR && warnings)
        strv_addf (warnings, _("cannot open %s: %s"), path, strerror (errno));
      return false;
    }
  fclose (f);
  char *cause = NULL;
  if (outlets_load_file (o, path, warnings, &cause) != 0)
    {
      if (warnings)
        strv_push (warnings, cause);
      else
        free (cause);
      return false;
    }
  return true;
}

struct outlets *
outlets_default (struct strv *warnings)
{
  struct outlets *o = outlets_new ();
  bool loaded = false;
  const char *dir = getenv ("BYLINE_DATADIR");
  if (dir && *dir)
    {
      char *p = xasprintf ("%s/outlets.txt", dir);
      loaded = outlets_try_file (o, p, warnings);
      free (p);
    }
#ifdef PKGDATADIR
  if (!loaded)
    loaded = outlets_try_file (o, PKGDATADIR "/outlets.txt", warnings);
#endif
  if (!loaded)
    outlets_load_text (o, outlets_builtin, outlets_builtin_len,
                       "(built-in outlets.txt)", warnings);

  const char *xdg = getenv ("XDG_CONFIG_HOME");
  const char *home = getenv ("HOME");
  char *user = NULL;
  if (xdg && *xdg == '/')
    user = xasprintf ("%s/byline/outlets.txt", xdg);
  else if (home && *home)
    user = xasprintf ("%s/.config/byline/outlets.txt", home);
  if (user)
    outlets_try_file (o, user, warnings);
  free (user);
  return o;
}

static const char *
outlets_find_key (const struct outlets *o, const char *k, size_t n,
                  enum outlet_kind *kind)
{
  size_t lo = 0, hi = o->n_keys;
  struct outlet_key probe = { (char *) k, n, 0, SIZE_MAX };
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (outlets_key_cmp (&o->keys[mid], &probe) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < o->n_keys && o->keys[lo].len == n
      && memcmp (o->keys[lo].key, k, n) == 0)
    {
      const struct outlet_name *nm = &o->names[o->keys[lo].name];
      if (kind)
        *kind = nm->kind;
      return nm->name;
    }
  return NULL;
}

const char *
outlets_lookup (const struct outlets *o, const char *s, size_t n,
                enum outlet_kind *kind)
{
  if (o == NULL || o->n_keys == 0 || n == 0 || n > 200)
    return NULL;
  struct buf k = BUF_INIT;
  outlets_key (s, n, &k);
  const char *r = k.len ? outlets_find_key (o, k.data, k.len, kind) : NULL;
  buf_free (&k);
  return r;
}

const char *
outlets_lookup_prefix (const struct outlets *o, const char *s, size_t n,
                       enum outlet_kind *kind, size_t *used)
{
  if (o == NULL || o->n_keys == 0)
    return NULL;
  /* Word ends among the first six words. */
  size_t ends[6], ne = 0, i = 0;
  n = MIN (n, 160);
  while (i < n && s[i] == ' ')
    i++;
  while (i < n && ne < ARRAY_SIZE (ends))
    {
      while (i < n && s[i] != ' ' && s[i] != '\n')
        i++;
      ends[ne++] = i;
      if (i < n && s[i] == '\n')
        break;
      while (i < n && s[i] == ' ')
        i++;
    }
  while (ne-- > 0)
    {
      const char *r = outlets_lookup (o, s, ends[ne], kind);
      if (r)
        {
          if (used)
            *used = ends[ne];
          return r;
        }
    }
  return NULL;
}

const char *
outlets_find_chrome (const struct outlets *o, const char *f, size_t n)
{
  if (o == NULL)
    return NULL;
  for (size_t i = o->n_chrome; i-- > 0;)
    if (o->chrome[i].len <= n
        && memmem (f, n, o->chrome[i].key, o->chrome[i].len))
      return o->names[o->chrome[i].name].name;
  return NULL;
}

const char *
outlets_lookup_host (const struct outlets *o, const char *url,
                     enum outlet_kind *kind)
{
  if (o == NULL || url == NULL)
    return NULL;
  const char *h = strstr (url, "://");
  h = h ? h + 3 : url;
  size_t n = strcspn (h, "/:?#@ \t");
  if (n == 0 || n > 253)
    return NULL;
  char *host = xstrndup (h, n);
  for (size_t i = 0; i < n; i++)
    if (host[i] >= 'A' && host[i] <= 'Z')
      host[i] = (char) (host[i] - 'A' + 'a');
  const char *r = NULL;
  for (const char *p = host; p && !r;)
    {
      if (strchr (p, '.') == NULL)
        break;
      r = outlets_find_key (o, p, strlen (p), kind);
      p = strchr (p, '.');
      if (p)
        p++;
    }
  free (host);
  return r;
}
