/* export-test-fixture.h: the sample project with a small codebook and
 * three known annotations, which every export test writes out.
 *
 * Robin Mansell has an organisation, role, sector, region and notes.
 *
 *   A  transcript, Robin Mansell (his turn), "I have the privilege of
 *      chairing this discussion." — Values + Trust, supports, a memo that
 *      is a spreadsheet formula with markup: MEMO_A
 *   B  report, no stakeholder, "they generally confer economic advantage"
 *      — Trust, no stance, MEMO_B
 *   C  transcript, Milton Mueller (his turn), "It needs to be put in a
 *      broader context." — Values, opposes, no memo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-annotations.h"
#include "sp-project.h"

G_BEGIN_DECLS

#define MEMO_A "=HYPERLINK(\"http://evil.example/\",\"click\") <script>alert(1)</script> & \"more\""
#define MEMO_B "+1, see\r\nnext line"
#define QUOTE_A "I have the privilege of chairing this discussion."
#define QUOTE_B "they generally confer economic advantage"
#define QUOTE_C "It needs to be put in a broader context."
#define STATEMENT_VALUES "Standards should carry democratic values & <rights>"

typedef struct
{
  char      *dir;
  SpProject *project;
  gint64     report_id;
  gint64     transcript_id;
  gint64     values_id;     /* top-level theme, with a description and STATEMENT_VALUES */
  gint64     trust_id;      /* under Values */
  gint64     annotation_a;
  gint64     annotation_b;
  gint64     annotation_c;
} ExportFixture;

/* Adds a test that runs on a fresh ExportFixture. */
#define EXPORT_TEST_ADD(path, func) \
  g_test_add (path, ExportFixture, NULL, export_fixture_set_up, func, export_fixture_tear_down)

void export_fixture_set_up    (ExportFixture *fixture,
                               gconstpointer  data);
void export_fixture_tear_down (ExportFixture *fixture,
                               gconstpointer  data);

/* Writes @format into memory and returns it NUL-terminated. */
char *export_to_string        (SpProject     *project,
                               gboolean     (*writer) (SpProject *, GOutputStream *, GCancellable *, GError **),
                               gsize         *out_len);
/* The text of [start, end) of a document, in code points. */
char *document_substring      (SpProject     *project,
                               gint64         document_id,
                               gint64         start,
                               gint64         end);
/* A SHA-256 of the project's documents, themes, stakeholders and
 * annotations, to show that a refused import changed nothing. */
char *project_fingerprint     (SpProject     *project);

G_END_DECLS
