/* sp-cli.h: what the command-line subcommands share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "sp-project.h"

G_BEGIN_DECLS

/* Exit codes: 0 success, 1 the command failed (message on stderr),
 * 2 the command line was wrong. */
#define SP_CLI_EXIT_OK      0
#define SP_CLI_EXIT_FAILED  1
#define SP_CLI_EXIT_USAGE   2

typedef int (*SpCliCommandFunc) (int argc, char **argv);

typedef struct
{
  const char       *name;
  const char       *arguments;  /* for usage lines, e.g. "PROJECT FILE…" */
  const char       *summary;
  SpCliCommandFunc  run;
} SpCliCommand;

/* Parses @argc/@argv with @entries (may be NULL) and checks that between
 * @min_args and @max_args positional arguments remain (max -1: no limit).
 * On failure prints usage and returns FALSE. */
gboolean   sp_cli_parse          (const SpCliCommand  *command,
                                  const GOptionEntry  *entries,
                                  int                 *argc,
                                  char              ***argv,
                                  int                  min_args,
                                  int                  max_args);
const SpCliCommand *sp_cli_find_command (const char *name);

/* The options of a listing command that takes nothing but --json, which
 * sets sp_cli_json_output. */
extern const GOptionEntry sp_cli_json_entries[];
extern gboolean           sp_cli_json_output;

typedef void (*SpCliLineFunc)    (gpointer     item);
typedef void (*SpCliMembersFunc) (JsonBuilder *builder,
                                  gpointer     item,
                                  gpointer     user_data);

/* Prints @items one line each with @print_line or, when @json is set, as
 * one JSON array with an object per item that @add_members fills in.
 * Returns SP_CLI_EXIT_OK, for a command to return. */
int        sp_cli_print_items    (GPtrArray           *items,
                                  gboolean             json,
                                  SpCliLineFunc        print_line,
                                  SpCliMembersFunc     add_members,
                                  gpointer             user_data);

SpProject *sp_cli_open_project   (const char          *path,
                                  SpProjectOpenFlags   flags);
int        sp_cli_fail           (const GError        *error);
void       sp_cli_print_json     (JsonBuilder         *builder);
void       sp_cli_json_add_string         (JsonBuilder *builder,
                                           const char  *member,
                                           const char  *value);
void       sp_cli_json_add_int            (JsonBuilder *builder,
                                           const char  *member,
                                           gint64       value);
void       sp_cli_json_add_string_or_null (JsonBuilder *builder,
                                           const char  *member,
                                           const char  *value);
void       sp_cli_json_add_int_or_null    (JsonBuilder *builder,
                                           const char  *member,
                                           gint64       value,
                                           gboolean     present);
/* An array of the strings of @strv, empty ones left out if @skip_empty. */
void       sp_cli_json_add_strv           (JsonBuilder        *builder,
                                           const char         *member,
                                           const char * const *strv,
                                           gboolean            skip_empty);

int sp_cli_new          (int argc, char **argv);
int sp_cli_import       (int argc, char **argv);
int sp_cli_documents    (int argc, char **argv);
int sp_cli_segments     (int argc, char **argv);
int sp_cli_stakeholders (int argc, char **argv);
int sp_cli_annotate     (int argc, char **argv);
int sp_cli_annotations  (int argc, char **argv);
int sp_cli_unannotate   (int argc, char **argv);
int sp_cli_search       (int argc, char **argv);
int sp_cli_themes       (int argc, char **argv);
int sp_cli_theme_add    (int argc, char **argv);
int sp_cli_mentions     (int argc, char **argv);
/* sp-cli-links.c */
int sp_cli_links        (int argc, char **argv);
int sp_cli_link         (int argc, char **argv);
int sp_cli_attributions (int argc, char **argv);
/* sp-cli-compare.c */
int sp_cli_matrix       (int argc, char **argv);
int sp_cli_agreement    (int argc, char **argv);
int sp_cli_compare      (int argc, char **argv);
/* sp-cli-brief.c */
int sp_cli_brief        (int argc, char **argv);
/* sp-cli-export.c */
int sp_cli_export       (int argc, char **argv);
int sp_cli_import_qdpx  (int argc, char **argv);

G_END_DECLS
