/* article.c: struct article, and loading one from a file. */
#include "system.h"
#include "article.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "extract.h"
#include "text.h"

const char *
para_role_name (enum para_role role)
{
  static const char *const names[] = {
    [ROLE_BODY] = "body", [ROLE_HEADLINE] = "headline", [ROLE_DEK] = "dek",
    [ROLE_DATELINE] = "dateline", [ROLE_BYLINE] = "byline",
    [ROLE_CAPTION] = "caption", [ROLE_BOILERPLATE] = "boilerplate",
    [ROLE_HEADER] = "header",
  };
  return (size_t) role < ARRAY_SIZE (names) ? names[role] : "body";
}

void
article_free (struct article *a)
{
  free (a->text);
  free (a->paras);
  free (a->headline);
  free (a->dek);
  free (a->outlet);
  free (a->agency);
  free (a->url);
  strv_free (&a->authors);
  free (a->body);
  strv_free (&a->warnings);
  memset (a, 0, sizeof *a);
}

char *
article_front (const struct article *a, size_t *len)
{
  struct buf b = BUF_INIT;
  for (size_t i = 0; i < a->n_paras; i++)
    {
      const struct para *p = &a->paras[i];
      if (p->role != ROLE_HEADLINE && p->role != ROLE_DEK
          && p->role != ROLE_CAPTION)
        continue;
      size_t off = p->off, n = p->len;
      while (n && (a->text[off] == ' ' || a->text[off] == '\t'
                   || a->text[off] == '\n'))
        off++, n--;
      while (n && (a->text[off + n - 1] == ' '
                   || a->text[off + n - 1] == '\t'
                   || a->text[off + n - 1] == '\n'))
        n--;
      if (n == 0)
        continue;
      if (b.len)
        buf_adds (&b, "\n\n");
      buf_add (&b, a->text + off, n);
    }
  *len = b.len;
  return b.len ? buf_steal (&b) : NULL;
}

char *
article_compare_text (const char *front, size_t front_len, const char *body,
                      size_t body_len, size_t *len)
{
  struct buf b = BUF_INIT;
  if (front && front_len)
    buf_add (&b, front, front_len);
  if (body && body_len)
    {
      if (b.len)
        buf_adds (&b, "\n\n");
      buf_add (&b, body, body_len);
    }
  *len = b.len;
  return buf_steal (&b);
}

int
article_from_bytes (const void *bytes, size_t n, const struct outlets *rules,
                    int64_t now, struct article *a, char **cause)
{
  memset (a, 0, sizeof *a);
  const char *why = text_sniff_binary (bytes, n);
  if (why)
    {
      /* TRANSLATORS: the placeholder is a reason such as "PDF document". */
      *cause = xasprintf (_("binary file (%s), skipped"), _(why));
      return -1;
    }
  struct text_decode_info info;
  size_t len;
  char *text = text_decode (bytes, n, &len, &info);
  extract_article (text, len, rules, now, a);
  free (text);
  text_decode_warnings (&info, &a->warnings);
  return 0;
}

/* Reads a whole regular file; returns NULL with errno set. */
static char *
article_read_file (const char *path, size_t *n, char **cause)
{
  int fd = open (path, O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    {
      *cause = xasprintf (_("cannot open: %s"), strerror (errno));
      return NULL;
    }
  struct stat st;
  if (fstat (fd, &st) != 0)
    {
      *cause = xasprintf (_("cannot read: %s"), strerror (errno));
      close (fd);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      *cause = xstrdup (_("is a directory"));
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      *cause = xstrdup (_("not a regular file, skipped"));
      close (fd);
      return NULL;
    }
  if ((uintmax_t) st.st_size > ARTICLE_MAX_BYTES)
    {
      *cause = xasprintf (_("file too large (%jd bytes, limit %zu MiB), skipped"),
                          (intmax_t) st.st_size, ARTICLE_MAX_BYTES >> 20);
      close (fd);
      return NULL;
    }
  size_t alloc = (size_t) st.st_size + 1, len = 0;
  char *data = xmalloc (alloc);
  for (;;)
    {
      if (len == alloc)
        {
          if (alloc > ARTICLE_MAX_BYTES)
            {
              *cause = xasprintf (_("file too large (limit %zu MiB), skipped"),
                                  ARTICLE_MAX_BYTES >> 20);
              free (data);
              close (fd);
              return NULL;
            }
          alloc *= 2;
          data = xrealloc (data, alloc);
        }
      ssize_t r = read (fd, data + len, alloc - len);
      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          *cause = xasprintf (_("cannot read: %s"), strerror (errno));
          free (data);
          close (fd);
          return NULL;
        }
      if (r == 0)
        break;
      len += (size_t) r;
    }
  close (fd);
  *n = len;
  return data;
}

int
article_load (const char *path, const struct outlets *rules, int64_t now,
              struct article *a, char **cause)
{
  memset (a, 0, sizeof *a);
  size_t n;
  char *data = article_read_file (path, &n, cause);
  if (data == NULL)
    return -1;
  int r = article_from_bytes (data, n, rules, now, a, cause);
  free (data);
  return r;
}
