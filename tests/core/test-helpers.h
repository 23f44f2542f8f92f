/* test-helpers.h: what the core, job and CLI tests share — a scratch
 * directory, a project in it, and plain-SQL peeks at the project file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-annotations.h"
#include "sp-project.h"

G_BEGIN_DECLS

/* A new empty directory under the system's temporary one. */
char      *sp_test_make_dir       (const char  *template);
/* Deletes @path and everything below it; a missing path is no error. */
void       sp_test_remove_tree    (const char  *path);
/* Creates @dir/@basename, filled with the sample corpus if @sample is
 * set; the file's path goes to @out_path if it is not NULL. */
SpProject *sp_test_project_new    (const char  *dir,
                                   const char  *basename,
                                   gboolean     sample,
                                   char       **out_path);
/* The ids of the sample report and transcript. */
void       sp_test_sample_ids     (SpProject   *project,
                                   gint64      *report_id,
                                   gint64      *transcript_id);
/* The first column of the first row of @sql, which must yield a row. */
gint64     sp_test_query_int      (SpProject   *project,
                                   const char  *sql);
/* Every row of each query as "a|b|c|" lines, queries ended by "--", so two
 * states of the file compare as two strings. */
char      *sp_test_dump           (SpProject   *project,
                                   const char  * const *queries,
                                   guint        n_queries);
void       sp_test_undo           (SpProject   *project);
void       sp_test_redo           (SpProject   *project);

/* Finds the stakeholder @name (which must exist), gives it @sector and
 * returns its id. */
gint64     sp_test_stakeholder_with_sector (SpProject  *project,
                                            const char *name,
                                            const char *sector);
/* Tags the first occurrence of @phrase (which must be there) in a document
 * with @theme_a and, unless it is 0, @theme_b; a @stakeholder_id of 0 stores
 * no stakeholder. Returns the annotation's id. */
gint64     sp_test_tag_phrase     (SpProject   *project,
                                   gint64       document_id,
                                   const char  *phrase,
                                   gint64       theme_a,
                                   gint64       theme_b,
                                   gint64       stakeholder_id,
                                   SpStance     stance);

/* The fixture most core tests share: a temporary folder and a project in it,
 * empty or holding the sample corpus. */
typedef struct
{
  char      *dir;
  SpProject *project;
} SpTestFixture;

void sp_test_fixture_set_up_empty  (SpTestFixture *fixture,
                                    gconstpointer  data);
void sp_test_fixture_set_up_sample (SpTestFixture *fixture,
                                    gconstpointer  data);
void sp_test_fixture_tear_down     (SpTestFixture *fixture,
                                    gconstpointer  data);

G_END_DECLS
