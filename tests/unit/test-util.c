/* test-util.c: buf, strv, json. */
#include "system.h"

#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>

#include "buf.h"
#include "json.h"
#include "strv.h"

static void
test_buf (void **state)
{
  (void) state;
  struct buf b = BUF_INIT;
  buf_adds (&b, "abc");
  buf_addc (&b, '-');
  buf_printf (&b, "%d", 42);
  assert_string_equal (b.data, "abc-42");
  assert_int_equal (b.len, 6);
  buf_reset (&b);
  assert_string_equal (b.data, "");
  char *s = buf_steal (&b);
  assert_string_equal (s, "");
  assert_null (b.data);
  free (s);
}

static void
test_strv (void **state)
{
  (void) state;
  struct strv sv = STRV_INIT;
  strv_add (&sv, "one");
  strv_addf (&sv, "%s-%d", "two", 2);
  assert_int_equal (sv.n, 2);
  assert_string_equal (sv.v[1], "two-2");
  assert_null (sv.v[2]);
  assert_true (strv_contains (&sv, "one"));
  assert_false (strv_contains (&sv, "three"));
  strv_free (&sv);
  assert_int_equal (sv.n, 0);
}

static void
test_json_escape (void **state)
{
  (void) state;
  struct buf b = BUF_INIT;
  json_str (&b, "a\"b\\c\nd\x01" "é", 10);
  assert_string_equal (b.data, "\"a\\\"b\\\\c\\nd\\u0001é\"");
  /* A file name: C1 controls escaped, invalid and cut sequences replaced. */
  buf_reset (&b);
  json_str (&b, "x\xc2\x9b" "1m\x7f\xff\x9b" "y\xc3", 10);
  assert_string_equal (b.data, "\"x\\u009b1m\\u007f\xef\xbf\xbd\xef\xbf\xbd"
                       "y\xef\xbf\xbd\"");
  buf_free (&b);
}

static void
test_json_writer (void **state)
{
  (void) state;
  struct buf b = BUF_INIT;
  struct json j;
  json_init (&j, &b);
  json_obj_begin (&j);
  json_key (&j, "a");
  json_int (&j, 1);
  json_key (&j, "b");
  json_arr_begin (&j);
  json_string (&j, "x");
  json_null (&j);
  json_obj_begin (&j);
  json_obj_end (&j);
  json_arr_end (&j);
  json_key (&j, "c");
  json_bool (&j, false);
  json_key (&j, "d");
  json_string (&j, NULL);
  json_obj_end (&j);
  assert_string_equal (b.data, "{\"a\":1,\"b\":[\"x\",null,{}],\"c\":false,\"d\":null}");
  buf_free (&b);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_buf),
    cmocka_unit_test (test_strv),
    cmocka_unit_test (test_json_escape),
    cmocka_unit_test (test_json_writer),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
