/* cli-test-helpers.c: see cli-test-helpers.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli-test-helpers.h"

void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

char *tmp_dir;

void
run_cli (Result     *result,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("SP_CLI"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  result->status = g_subprocess_get_exit_status (process);
}

char *
corpus (const char *name)
{
  return g_build_filename (g_getenv ("SP_TEST_CORPUS"), name, NULL);
}

JsonArray *
parse_array (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_ref (json_node_get_array (root));
}

char *
new_project (const char *name)
{
  g_auto(Result) result = { 0 };
  char *path = g_build_filename (tmp_dir, name, NULL);

  run_cli (&result, "new", path, NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  return path;
}

char *
new_sample_project (const char *name)
{
  g_auto(Result) result = { 0 };
  char *path = g_build_filename (tmp_dir, name, NULL);

  run_cli (&result, "new", path, "--with-samples", NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  return path;
}

void
assert_fails (int         status,
              const char *message_part,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(Result) result = { 0 };
  const char *arg;
  va_list ap;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);

  /* run_cli takes a NULL-terminated list; eight arguments are enough here. */
  g_ptr_array_set_size (args, 9);
  run_cli (&result, args->pdata[0], args->pdata[1], args->pdata[2], args->pdata[3],
           args->pdata[4], args->pdata[5], args->pdata[6], args->pdata[7], NULL);
  g_assert_cmpint (result.status, ==, status);
  g_assert_cmpstr (result.out, ==, "");
  if (strstr (result.err, message_part) == NULL)
    g_error ("expected “%s” in “%s”", message_part, result.err);
}

void
cli_test_init (int    *argc,
               char ***argv)
{
  g_test_init (argc, argv, NULL);
  tmp_dir = g_dir_make_tmp ("standpoint-cli-XXXXXX", NULL);
}

int
cli_test_run (void)
{
  int status = g_test_run ();
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);

  if (system (command) != 0)
    g_printerr ("could not remove %s\n", tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
  return status;
}
