/* cli-test-helpers.h: running standpoint-cli as a script would, for the
 * command-line test programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

void result_clear (Result *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* A scratch folder for the test program, removed by cli_test_run(). */
extern char *tmp_dir;

/* Runs standpoint-cli ($SP_CLI) with a NULL-terminated argument list. */
void       run_cli            (Result     *result,
                               const char *first,
                               ...) G_GNUC_NULL_TERMINATED;
/* A file of the sample corpus ($SP_TEST_CORPUS). */
char      *corpus             (const char *name);
JsonArray *parse_array        (const char *json);
/* `new` and `new --with-samples` in tmp_dir; return the project's path. */
char      *new_project        (const char *name);
char      *new_sample_project (const char *name);
/* Runs the command (at most eight arguments, NULL-terminated) and checks
 * it fails with @status, prints nothing on stdout, and says
 * @message_part on stderr. */
void       assert_fails       (int         status,
                               const char *message_part,
                               const char *first,
                               ...) G_GNUC_NULL_TERMINATED;

/* g_test_init() and tmp_dir; then g_test_run() and removing tmp_dir. */
void       cli_test_init      (int        *argc,
                               char     ***argv);
int        cli_test_run       (void);
