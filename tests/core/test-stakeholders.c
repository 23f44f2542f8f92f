/* test-stakeholders.c: aliases made at import, editing, merging and
 * deleting stakeholders, each undone and redone exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-project-private.h"
#include "sp-project-stakeholders.h"
#include "sp-sample.h"
#include "sp-undo-manager.h"
#include "test-helpers.h"

typedef SpTestFixture Fixture;

#define fixture_set_up    sp_test_fixture_set_up_sample
#define fixture_tear_down sp_test_fixture_tear_down

static char *
dump (SpProject *project)
{
  const char * const queries[] = {
    "SELECT * FROM stakeholders ORDER BY id",
    "SELECT * FROM stakeholder_aliases ORDER BY id",
    "SELECT id, coalesce(stakeholder_id, 0) FROM segments WHERE stakeholder_id IS NOT NULL OR kind = 'turn' ORDER BY id",
    "SELECT id, coalesce(stakeholder_id, 0) FROM annotations ORDER BY id",
  };

  return sp_test_dump (project, queries, G_N_ELEMENTS (queries));
}

static SpStakeholderInfo *
find (SpProject  *project,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  SpStakeholderInfo *info = sp_project_find_stakeholder (project, name, &error);

  g_assert_no_error (error);
  return info;
}

/* Three annotations attributed to @stakeholder_id, with plain SQL. */
static void
attribute_annotations (SpProject *project,
                       gint64     stakeholder_id)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO annotations (id, document_id, start, end, quote, stakeholder_id, created_at, updated_at)"
    " VALUES (101, 2, 0, 5, 'x', %1$" G_GINT64_FORMAT ", 'now', 'now'),"
    " (102, 2, 5, 9, 'x', %1$" G_GINT64_FORMAT ", 'now', 'now'),"
    " (103, 2, 9, 12, 'x', %1$" G_GINT64_FORMAT ", 'now', 'now')",
    stakeholder_id);

  g_assert_true (sp_db_exec (_sp_project_get_db (project), sql, NULL));
}

static void
test_import_aliases (Fixture       *fixture,
                     gconstpointer  data)
{
  const struct { const char *name; const char *alias; } expected[] = {
    { "Milton Mueller", "Mueller" }, { "Andrea Renda", "Renda" },
    { "Scott Kennedy", "Kennedy" }, { "June Park", "Park" },
    { "Robin Mansell", "Mansell" }, { "Claire Milne", "Milne" },
    { "Thomas Li", NULL }, { "Baisheng An", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SpStakeholderInfo) info = find (fixture->project, expected[i].name);

      if (expected[i].alias != NULL)
        {
          g_autoptr(SpStakeholderInfo) by_alias = find (fixture->project, expected[i].alias);

          g_assert_cmpuint (g_strv_length (info->aliases), ==, 1);
          g_assert_cmpstr (info->aliases[0], ==, expected[i].alias);
          g_assert_cmpint (by_alias->id, ==, info->id);
        }
      else
        g_assert_cmpuint (g_strv_length (info->aliases), ==, 0);
    }

  g_assert_null (sp_project_find_stakeholder (fixture->project, "Li", NULL));
  g_assert_null (sp_project_find_stakeholder (fixture->project, "An", NULL));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SpStakeholderInfo) mueller = find (fixture->project, "Mueller");
  g_autoptr(SpStakeholderInfo) edited = NULL;
  g_autofree char *before = dump (fixture->project);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  SpStakeholderInfo changes = { 0 };

  changes.organisation = "Georgia Institute of Technology";
  changes.role = "Professor";
  changes.sector = "academia";
  changes.region = "United States";
  changes.color = "#1C71D8";
  changes.notes = "Internet Governance Project";
  g_assert_true (sp_project_update_stakeholder (fixture->project, mueller->id, &changes, &error));
  g_assert_no_error (error);
  g_assert_true (sp_project_add_stakeholder_alias (fixture->project, mueller->id, "Milton", &error));
  g_assert_true (sp_project_remove_stakeholder_alias (fixture->project, mueller->id, "Mueller", &error));
  g_assert_no_error (error);

  edited = sp_project_get_stakeholder (fixture->project, mueller->id, &error);
  g_assert_cmpstr (edited->name, ==, "Milton Mueller");
  g_assert_cmpstr (edited->organisation, ==, "Georgia Institute of Technology");
  g_assert_cmpstr (edited->sector, ==, "academia");
  g_assert_cmpstr (edited->color, ==, "#1c71d8");
  g_assert_cmpuint (g_strv_length (edited->aliases), ==, 1);
  g_assert_cmpstr (edited->aliases[0], ==, "Milton");
  after = dump (fixture->project);

  /* Refusals change nothing. */
  {
    g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL, e5 = NULL, e6 = NULL;
    SpStakeholderInfo bad = { 0 };

    bad.sector = "think tank";
    g_assert_false (sp_project_update_stakeholder (fixture->project, mueller->id, &bad, &e1));
    g_assert_error (e1, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
    bad.sector = NULL;
    bad.name = "thomas li";
    g_assert_false (sp_project_update_stakeholder (fixture->project, mueller->id, &bad, &e2));
    g_assert_error (e2, SP_ERROR, SP_ERROR_EXISTS);
    g_assert_cmpstr (e2->message, ==, "A stakeholder “thomas li” already exists");
    bad.name = " ";
    g_assert_false (sp_project_update_stakeholder (fixture->project, mueller->id, &bad, &e3));
    g_assert_error (e3, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
    g_assert_false (sp_project_add_stakeholder_alias (fixture->project, mueller->id, "milton", &e4));
    g_assert_error (e4, SP_ERROR, SP_ERROR_EXISTS);
    g_assert_false (sp_project_remove_stakeholder_alias (fixture->project, mueller->id, "Mueller", &e5));
    g_assert_error (e5, SP_ERROR, SP_ERROR_NOT_FOUND);
    bad.name = NULL;
    bad.color = "blue";
    g_assert_false (sp_project_update_stakeholder (fixture->project, mueller->id, &bad, &e6));
    g_assert_error (e6, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
    g_assert_cmpstr (dump (fixture->project), ==, after);
  }

  for (guint i = 0; i < 3; i++)
    sp_test_undo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, before);
  for (guint i = 0; i < 3; i++)
    sp_test_redo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, after);
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SpStakeholderInfo) li = find (fixture->project, "Thomas Li");
  g_autoptr(SpStakeholderInfo) kennedy = find (fixture->project, "Scott Kennedy");
  g_autoptr(SpStakeholderInfo) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint turns = li->n_turns + kennedy->n_turns;

  g_assert_cmpuint (li->n_turns, >, 0);
  attribute_annotations (fixture->project, li->id);
  before = dump (fixture->project);

  g_assert_true (sp_project_merge_stakeholders (fixture->project, li->id, kennedy->id, &error));
  g_assert_no_error (error);
  merged = sp_project_get_stakeholder (fixture->project, kennedy->id, &error);
  g_assert_cmpuint (merged->n_turns, ==, turns);
  g_assert_cmpuint (g_strv_length (merged->aliases), ==, 2);
  g_assert_cmpstr (merged->aliases[0], ==, "Kennedy");
  g_assert_cmpstr (merged->aliases[1], ==, "Thomas Li");
  g_assert_cmpint (sp_project_count_stakeholder_annotations (fixture->project, kennedy->id, NULL), ==, 3);
  g_assert_null (sp_project_get_stakeholder (fixture->project, li->id, NULL));
  after = dump (fixture->project);

  sp_test_undo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, before);
  sp_test_redo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, after);

  {
    g_autoptr(GError) self_merge = NULL;

    g_assert_false (sp_project_merge_stakeholders (fixture->project, kennedy->id, kennedy->id, &self_merge));
    g_assert_error (self_merge, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
  }
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SpStakeholderInfo) li = find (fixture->project, "Thomas Li");
  g_autoptr(SpStakeholderInfo) park = find (fixture->project, "June Park");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  attribute_annotations (fixture->project, li->id);
  before = dump (fixture->project);

  g_assert_false (sp_project_delete_stakeholder (fixture->project, li->id, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==,
                   "Thomas Li has 3 annotations; merge Thomas Li into another stakeholder or remove them first");
  g_assert_cmpstr (dump (fixture->project), ==, before);
  g_clear_error (&error);

  /* Without annotations: the turns stay, unattributed, until undo. */
  g_assert_true (sp_project_delete_stakeholder (fixture->project, park->id, &error));
  g_assert_no_error (error);
  g_assert_null (sp_project_find_stakeholder (fixture->project, "Park", NULL));
  after = dump (fixture->project);
  sp_test_undo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, before);
  {
    g_autoptr(SpStakeholderInfo) back = find (fixture->project, "Park");
    g_assert_cmpuint (back->n_turns, ==, park->n_turns);
  }
  sp_test_redo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/stakeholders/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("import-aliases", test_import_aliases);
  ADD ("edit", test_edit);
  ADD ("merge", test_merge);
  ADD ("delete", test_delete);
#undef ADD

  return g_test_run ();
}
