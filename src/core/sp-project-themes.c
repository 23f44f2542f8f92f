/* sp-project-themes.c: the codebook, a tree of themes.
 *
 * Each change is a ThemeCommand. Its apply function first takes a snapshot
 * of the themes table (a codebook is at most a few hundred rows) and of the
 * annotation_themes rows of the themes it touches; revert writes that
 * snapshot back. Undo therefore restores ids, positions, colours and tags
 * exactly, whatever the change was, and each operation only has to be
 * written once, forwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"
#include "sp-project-themes-private.h"
#include "sp-undo-manager.h"

/* Mid-tone colours: drawn as translucent highlights they stay readable
 * under dark text on a light page and light text on a dark one, and
 * neighbours in the list are far apart in hue. */
static const char * const palette[] = {
  "#3584e4", /* blue */
  "#2ec27e", /* green */
  "#f5c211", /* yellow */
  "#e66100", /* orange */
  "#c01c28", /* red */
  "#9141ac", /* purple */
  "#1f9ea8", /* teal */
  "#986a44", /* brown */
  "#d946a8", /* pink */
  "#77767b", /* grey */
  "#88b51d", /* lime */
  "#5e5cc3", /* indigo */
};

const char *
_sp_theme_palette_color (guint i)
{
  return palette[i % G_N_ELEMENTS (palette)];
}

/* Snapshots */

typedef struct
{
  gint64  id;
  gint64  parent_id;
  char   *name;
  char   *description;
  char   *statement;
  char   *color;
  char   *shortcut;
  int     position;
  char   *created_at;
} ThemeRow;

static void
theme_row_clear (ThemeRow *row)
{
  g_free (row->name);
  g_free (row->description);
  g_free (row->statement);
  g_free (row->color);
  g_free (row->shortcut);
  g_free (row->created_at);
}

static void
append_theme_row (sqlite3_stmt *stmt,
                  gpointer      rows)
{
  ThemeRow row = {
    .id = sqlite3_column_int64 (stmt, 0),
    .parent_id = sqlite3_column_int64 (stmt, 1),
    .name = sp_db_column_dup (stmt, 2),
    .description = sp_db_column_dup (stmt, 3),
    .statement = sp_db_column_dup (stmt, 4),
    .color = sp_db_column_dup (stmt, 5),
    .shortcut = sp_db_column_dup (stmt, 6),
    .position = sqlite3_column_int (stmt, 7),
    .created_at = sp_db_column_dup (stmt, 8),
  };

  g_array_append_val ((GArray *) rows, row);
}

static GArray *
read_theme_rows (sqlite3  *db,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) rows = NULL;

  stmt = sp_db_prepare (db,
                        "SELECT id, coalesce(parent_id, 0), name, description, statement,"
                        " color, shortcut, position, created_at FROM themes ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;

  rows = g_array_new (FALSE, TRUE, sizeof (ThemeRow));
  g_array_set_clear_func (rows, (GDestroyNotify) theme_row_clear);
  if (!sp_db_for_each_row (db, stmt, append_theme_row, rows, _("Could not read the codebook"), error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* The annotation_themes rows of @theme_ids, as (annotation_id, theme_id). */
static GPtrArray *
read_tag_rows (sqlite3  *db,
               GArray   *theme_ids,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = sp_db_rows_new ();

  stmt = sp_db_prepare (db, "SELECT annotation_id, theme_id FROM annotation_themes WHERE theme_id = ?1", error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < theme_ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (theme_ids, gint64, i));
      if (!sp_db_copy_rows (db, stmt, rows, _("Could not read the codebook"), error))
        return NULL;
    }

  return g_steal_pointer (&rows);
}

static const ThemeRow *
find_row (GArray *rows,
          gint64  id)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, ThemeRow, i).id == id)
      return &g_array_index (rows, ThemeRow, i);
  return NULL;
}

/* Writes @snapshot back over the themes table, and @tags over the
 * annotation_themes rows of @tag_theme_ids. */
static gboolean
restore_snapshot (sqlite3    *db,
                  GArray     *snapshot,
                  GArray     *tag_theme_ids,
                  GPtrArray  *tags,
                  GError    **error)
{
  g_autoptr(GArray) current = NULL;
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) untag = NULL;
  g_autoptr(sqlite3_stmt) tag = NULL;

  if ((current = read_theme_rows (db, error)) == NULL)
    return FALSE;

  if ((delete = sp_db_prepare (db, "DELETE FROM themes WHERE id = ?1", error)) == NULL ||
      (insert = sp_db_prepare (db, "INSERT INTO themes (id, name, created_at) VALUES (?1, ?2, ?3)", error)) == NULL ||
      (update = sp_db_prepare (db,
                               "UPDATE themes SET parent_id = ?2, name = ?3, description = ?4,"
                               " statement = ?5, color = ?6, shortcut = ?7, position = ?8,"
                               " created_at = ?9 WHERE id = ?1",
                               error)) == NULL ||
      (untag = sp_db_prepare (db, "DELETE FROM annotation_themes WHERE theme_id = ?1", error)) == NULL ||
      (tag = sp_db_prepare (db, "INSERT OR IGNORE INTO annotation_themes (annotation_id, theme_id) VALUES (?1, ?2)", error)) == NULL)
    return FALSE;

  /* Only themes the change added are missing from the snapshot; they have
   * no sub-themes or tags by now (later changes were undone first). */
  for (guint i = 0; i < current->len; i++)
    {
      const ThemeRow *row = &g_array_index (current, ThemeRow, i);

      if (find_row (snapshot, row->id) != NULL)
        continue;
      sqlite3_bind_int64 (delete, 1, row->id);
      if (!sp_db_step_done (db, delete, _("Could not change the codebook"), error))
        return FALSE;
    }

  /* Shortcuts are unique, so clear them all before writing any back. */
  if (!sp_db_exec (db, "UPDATE themes SET shortcut = NULL", error))
    return FALSE;

  for (guint i = 0; i < snapshot->len; i++)
    {
      const ThemeRow *row = &g_array_index (snapshot, ThemeRow, i);

      if (find_row (current, row->id) != NULL)
        continue;
      sqlite3_bind_int64 (insert, 1, row->id);
      sqlite3_bind_text (insert, 2, row->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, row->created_at, -1, SQLITE_STATIC);
      if (!sp_db_step_done (db, insert, _("Could not change the codebook"), error))
        return FALSE;
    }

  for (guint i = 0; i < snapshot->len; i++)
    {
      const ThemeRow *row = &g_array_index (snapshot, ThemeRow, i);

      sqlite3_bind_int64 (update, 1, row->id);
      sp_db_bind_id_or_null (update, 2, row->parent_id);
      sqlite3_bind_text (update, 3, row->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 4, row->description, -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 5, row->statement, -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 6, row->color, -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 7, row->shortcut, -1, SQLITE_STATIC);
      sqlite3_bind_int (update, 8, row->position);
      sqlite3_bind_text (update, 9, row->created_at, -1, SQLITE_STATIC);
      if (!sp_db_step_done (db, update, _("Could not change the codebook"), error))
        return FALSE;
    }

  for (guint i = 0; tag_theme_ids != NULL && i < tag_theme_ids->len; i++)
    {
      sqlite3_bind_int64 (untag, 1, g_array_index (tag_theme_ids, gint64, i));
      if (!sp_db_step_done (db, untag, _("Could not change the codebook"), error))
        return FALSE;
    }

  return tags == NULL || sp_db_write_rows (db, tag, tags, _("Could not change the codebook"), error);
}

/* Tree order helpers */

static GArray *
read_children (sqlite3  *db,
               gint64    parent_id,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = sp_db_prepare (db, "SELECT id FROM themes WHERE parent_id IS ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sp_db_bind_id_or_null (stmt, 1, parent_id);

  if (sp_db_collect_ids (db, stmt, ids, _("Could not read the codebook"), error) == NULL)
    return NULL;
  return g_steal_pointer (&ids);
}

/* Makes @ids, in this order, the children of @parent_id at 0, 1, 2, … */
static gboolean
set_children (sqlite3  *db,
              gint64    parent_id,
              GArray   *ids,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sp_db_prepare (db, "UPDATE themes SET parent_id = ?2, position = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sp_db_bind_id_or_null (stmt, 2, parent_id);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!sp_db_step_done (db, stmt, _("Could not change the codebook"), error))
        return FALSE;
    }

  return TRUE;
}

static void
array_remove_id (GArray *ids,
                 gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        g_array_remove_index (ids, i);
        return;
      }
}

static gboolean
place_theme (sqlite3  *db,
             gint64    id,
             gint64    old_parent_id,
             gint64    parent_id,
             int       position,
             GError  **error)
{
  g_autoptr(GArray) old_siblings = NULL;
  g_autoptr(GArray) siblings = NULL;

  if ((siblings = read_children (db, parent_id, error)) == NULL)
    return FALSE;
  array_remove_id (siblings, id);
  if (position < 0 || (guint) position > siblings->len)
    position = (int) siblings->len;
  g_array_insert_val (siblings, (guint) position, id);
  if (!set_children (db, parent_id, siblings, error))
    return FALSE;

  if (old_parent_id == parent_id)
    return TRUE;

  if ((old_siblings = read_children (db, old_parent_id, error)) == NULL)
    return FALSE;
  return set_children (db, old_parent_id, old_siblings, error);
}

/* Commands */

typedef enum
{
  OP_ADD,
  OP_SET,
  OP_MOVE,
  OP_MERGE,
  OP_DELETE,
} ThemeOp;

typedef enum
{
  FIELD_NAME,
  FIELD_COLOR,
  FIELD_DESCRIPTION,
  FIELD_STATEMENT,
  FIELD_SHORTCUT,
} ThemeField;

static const char * const field_columns[] = {
  "name", "color", "description", "statement", "shortcut",
};

typedef struct
{
  ThemeOp     op;
  gint64      id;
  gint64      other_id;   /* MOVE: new parent; MERGE: theme merged into */
  int         position;
  ThemeField  field;
  char       *value;
  GPtrArray  *adds;       /* of SpThemeInfo, for OP_ADD */
  GArray     *added_ids;  /* kept so that redo gives the same ids back */
  char       *added_at;   /* and the same creation time */

  GArray     *snapshot;   /* of ThemeRow, taken by apply */
  GArray     *tag_theme_ids;
  GPtrArray  *tags;       /* from read_tag_rows() */
} ThemeCommand;

static void
theme_command_free (ThemeCommand *command)
{
  g_free (command->value);
  g_clear_pointer (&command->adds, g_ptr_array_unref);
  g_clear_pointer (&command->added_ids, g_array_unref);
  g_clear_pointer (&command->added_at, g_free);
  g_clear_pointer (&command->snapshot, g_array_unref);
  g_clear_pointer (&command->tag_theme_ids, g_array_unref);
  g_clear_pointer (&command->tags, g_ptr_array_unref);
  g_free (command);
}

static ThemeCommand *
theme_command_new (ThemeOp op,
                   gint64  id)
{
  ThemeCommand *command = g_new0 (ThemeCommand, 1);

  command->op = op;
  command->id = id;
  command->tag_theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return command;
}

static gboolean
apply_add (sqlite3       *db,
           ThemeCommand  *command,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  gboolean first_time = command->added_ids == NULL;

  insert = sp_db_prepare (db,
                          "INSERT INTO themes (id, parent_id, name, description, statement, color,"
                          " shortcut, position, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                          " (SELECT count(*) FROM themes WHERE parent_id IS ?2), ?8)",
                          error);
  if (insert == NULL)
    return FALSE;

  if (first_time)
    {
      command->added_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      command->added_at = _sp_project_now ();
    }

  for (guint i = 0; i < command->adds->len; i++)
    {
      const SpThemeInfo *spec = g_ptr_array_index (command->adds, i);
      gint64 parent_id = spec->parent_id;

      /* A negative parent refers to a theme added earlier in this batch. */
      if (parent_id < 0)
        parent_id = g_array_index (command->added_ids, gint64, -parent_id - 1);

      /* The first time, SQLite picks the ids; redo reuses them. */
      sp_db_bind_id_or_null (insert, 1, first_time ? 0 : g_array_index (command->added_ids, gint64, i));
      sp_db_bind_id_or_null (insert, 2, parent_id);
      sqlite3_bind_text (insert, 3, spec->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, spec->description, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 5, spec->statement, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 6, spec->color, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 7, spec->shortcut, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 8, command->added_at, -1, SQLITE_STATIC);
      if (!sp_db_step_done (db, insert, _("Could not add the theme"), error))
        return FALSE;

      if (first_time)
        {
          gint64 id = sqlite3_last_insert_rowid (db);
          g_array_append_val (command->added_ids, id);
        }
    }

  return TRUE;
}

static gboolean
apply_set (sqlite3       *db,
           ThemeCommand  *command,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("UPDATE themes SET %s = ?2 WHERE id = ?1", field_columns[command->field]);
  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, command->id);
  sqlite3_bind_text (stmt, 2, command->value, -1, SQLITE_STATIC);
  return sp_db_step_done (db, stmt, _("Could not change the theme"), error);
}

static gboolean
apply_merge (sqlite3       *db,
             ThemeCommand  *command,
             GError       **error)
{
  const ThemeRow *from = find_row (command->snapshot, command->id);
  const ThemeRow *into = find_row (command->snapshot, command->other_id);
  g_autoptr(GArray) children = NULL;
  g_autoptr(GArray) into_children = NULL;
  g_autoptr(GArray) siblings = NULL;
  g_autoptr(sqlite3_stmt) retag = NULL;
  g_autoptr(sqlite3_stmt) delete = NULL;
  gint64 parent_id;

  g_assert (from != NULL && into != NULL);
  parent_id = from->parent_id;

  if ((children = read_children (db, from->id, error)) == NULL)
    return FALSE;

  /* Merging a theme into one of its own sub-themes: that sub-theme first
   * takes the merged theme's place, so the tree keeps no cycle. */
  array_remove_id (children, into->id);
  {
    gint64 up = into->parent_id;

    while (up != 0 && up != from->id)
      up = find_row (command->snapshot, up)->parent_id;
    if (up == from->id && !place_theme (db, into->id, into->parent_id, parent_id, from->position, error))
      return FALSE;
  }

  if ((into_children = read_children (db, into->id, error)) == NULL)
    return FALSE;
  g_array_append_vals (into_children, children->data, children->len);
  if (!set_children (db, into->id, into_children, error))
    return FALSE;

  if ((retag = sp_db_prepare (db,
                              "INSERT OR IGNORE INTO annotation_themes (annotation_id, theme_id)"
                              " SELECT annotation_id, ?2 FROM annotation_themes WHERE theme_id = ?1",
                              error)) == NULL ||
      (delete = sp_db_prepare (db, "DELETE FROM themes WHERE id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (retag, 1, from->id);
  sqlite3_bind_int64 (retag, 2, into->id);
  if (!sp_db_step_done (db, retag, _("Could not merge the themes"), error))
    return FALSE;

  /* Its own annotation_themes rows go with it (ON DELETE CASCADE). */
  sqlite3_bind_int64 (delete, 1, from->id);
  if (!sp_db_step_done (db, delete, _("Could not merge the themes"), error))
    return FALSE;

  if ((siblings = read_children (db, parent_id, error)) == NULL)
    return FALSE;
  return set_children (db, parent_id, siblings, error);
}

static gboolean
apply_delete (sqlite3       *db,
              ThemeCommand  *command,
              GError       **error)
{
  const ThemeRow *row = find_row (command->snapshot, command->id);
  g_autoptr(GArray) children = NULL;
  g_autoptr(GArray) siblings = NULL;

  g_assert (row != NULL);

  if ((children = read_children (db, row->id, error)) == NULL ||
      (siblings = read_children (db, row->parent_id, error)) == NULL)
    return FALSE;

  /* Sub-themes take the deleted theme's place among its siblings. */
  for (guint i = 0; i < siblings->len; i++)
    if (g_array_index (siblings, gint64, i) == row->id)
      {
        g_array_remove_index (siblings, i);
        g_array_insert_vals (siblings, i, children->data, children->len);
        break;
      }
  if (!set_children (db, row->parent_id, siblings, error))
    return FALSE;

  return sp_db_exec_int64 (db, "DELETE FROM themes WHERE id = ?1", row->id,
                           _("Could not delete the theme"), error) >= 0;
}

static gboolean
theme_command_apply (SpProject  *project,
                     gpointer    data,
                     GError    **error)
{
  ThemeCommand *command = data;
  sqlite3 *db = _sp_project_get_db (project);

  g_clear_pointer (&command->snapshot, g_array_unref);
  g_clear_pointer (&command->tags, g_ptr_array_unref);
  if ((command->snapshot = read_theme_rows (db, error)) == NULL ||
      (command->tags = read_tag_rows (db, command->tag_theme_ids, error)) == NULL)
    return FALSE;

  switch (command->op)
    {
    case OP_ADD:
      return apply_add (db, command, error);
    case OP_SET:
      return apply_set (db, command, error);
    case OP_MOVE:
      return place_theme (db, command->id, find_row (command->snapshot, command->id)->parent_id,
                          command->other_id, command->position, error);
    case OP_MERGE:
      return apply_merge (db, command, error);
    case OP_DELETE:
      return apply_delete (db, command, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
theme_command_revert (SpProject  *project,
                      gpointer    data,
                      GError    **error)
{
  ThemeCommand *command = data;

  return restore_snapshot (_sp_project_get_db (project), command->snapshot,
                           command->tag_theme_ids, command->tags, error);
}

static gboolean
execute (SpProject       *self,
         const char      *label,
         SpProjectChange  changes,
         ThemeCommand    *command,
         GError         **error)
{
  SpCommand *wrapper = sp_command_new (label, changes, theme_command_apply, theme_command_revert,
                                       command, (GDestroyNotify) theme_command_free);

  return sp_undo_manager_execute (sp_project_get_undo_manager (self), wrapper, error);
}

/* Checks */

static gboolean
check_open (SpProject  *self,
            GError    **error)
{
  return _sp_project_check_writable (self, error);
}

/* 0 if there is no theme called @name (other than @except_id), -1 on error. */
static gint64
theme_id_by_name (sqlite3     *db,
                  const char  *name,
                  gint64       except_id,
                  char       **out_name,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;

  stmt = sp_db_prepare (db, "SELECT id, name FROM themes WHERE name = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, except_id);

  if (!sp_db_step_maybe (db, stmt, &found, _("Could not read the codebook"), error))
    return -1;
  if (!found)
    return 0;
  if (out_name != NULL)
    *out_name = sp_db_column_dup (stmt, 1);
  return sqlite3_column_int64 (stmt, 0);
}

/* The name of the theme using @shortcut (other than @except_id), or NULL. */
static gboolean
shortcut_owner (sqlite3     *db,
                const char  *shortcut,
                gint64       except_id,
                char       **out_owner,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;

  *out_owner = NULL;
  stmt = sp_db_prepare (db, "SELECT name FROM themes WHERE shortcut = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, shortcut, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, except_id);

  if (!sp_db_step_maybe (db, stmt, &found, _("Could not read the codebook"), error))
    return FALSE;
  if (found)
    *out_owner = sp_db_column_dup (stmt, 0);
  return TRUE;
}

/* Trims @name; fails unless a non-empty name no other theme has. */
static char *
check_name (sqlite3     *db,
            const char  *name,
            gint64       except_id,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *existing = NULL;
  gint64 other;

  if (*trimmed == '\0')
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT, _("A theme needs a name"));
      return NULL;
    }
  if (!g_utf8_validate (trimmed, -1, NULL) || strchr (trimmed, '\n') != NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("A theme name must be one line of text"));
      return NULL;
    }

  other = theme_id_by_name (db, trimmed, except_id, &existing, error);
  if (other < 0)
    return NULL;
  if (other > 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_EXISTS, _("A theme “%s” already exists"), existing);
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

/* "#RRGGBB" or "#rrggbb", returned in lower case. */
static char *
check_color (const char  *color,
             GError     **error)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    goto bad;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      goto bad;
  return g_ascii_strdown (color, -1);

bad:
  g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a colour: use the form #rrggbb, e.g. #3584e4"),
               color != NULL ? color : "");
  return NULL;
}

/* A key a person presses with the passage selected: one digit or letter.
 * Sets *out to NULL for "no shortcut". */
static gboolean
check_shortcut (sqlite3     *db,
                const char  *shortcut,
                gint64       except_id,
                char       **out,
                GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *owner = NULL;

  *out = NULL;
  if (shortcut == NULL || *shortcut == '\0')
    return TRUE;

  if (strlen (shortcut) != 1 || !g_ascii_isalnum (shortcut[0]))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a shortcut: use one digit or letter"), shortcut);
      return FALSE;
    }

  key = g_ascii_strdown (shortcut, -1);
  if (!shortcut_owner (db, key, except_id, &owner, error))
    return FALSE;
  if (owner != NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_EXISTS,
                   _("Shortcut %s is already used by “%s”"), key, owner);
      return FALSE;
    }

  *out = g_steal_pointer (&key);
  return TRUE;
}

static SpThemeInfo *
get_theme (SpProject  *self,
           gint64      id,
           GError    **error);

/* Fails with a message if there is no theme @id. */
static gboolean
check_theme (SpProject    *self,
             gint64        id,
             SpThemeInfo **out,
             GError      **error)
{
  SpThemeInfo *info = get_theme (self, id, error);

  if (info == NULL)
    return FALSE;
  if (out != NULL)
    *out = info;
  else
    sp_theme_info_free (info);
  return TRUE;
}

static gboolean
check_parent (SpProject  *self,
              gint64      parent_id,
              GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SpThemeInfo) parent = NULL;

  if (parent_id == 0)
    return TRUE;

  parent = get_theme (self, parent_id, &local_error);
  if (parent == NULL)
    {
      if (g_error_matches (local_error, SP_ERROR, SP_ERROR_NOT_FOUND))
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, parent_id);

          g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                       _("The parent theme (id %s) does not exist"), id_text);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Public API */

gboolean
_sp_project_add_themes (SpProject          *self,
                        const SpThemeSpec  *specs,
                        guint               n_specs,
                        const char         *label,
                        gint64             *out_ids,
                        GError            **error)
{
  ThemeCommand *command;
  sqlite3 *db;
  gint64 n_themes;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (specs != NULL || n_specs == 0, FALSE);

  if (!check_open (self, error))
    return FALSE;
  db = _sp_project_get_db (self);

  {
    g_autoptr(sqlite3_stmt) count = sp_db_prepare (db, "SELECT count(*) FROM themes", error);

    if (count == NULL ||
        !sp_db_query_int64 (db, count, &n_themes, _("Could not read the codebook"), error))
      return FALSE;
  }

  command = theme_command_new (OP_ADD, 0);
  command->adds = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_theme_info_free);

  for (guint i = 0; i < n_specs; i++)
    {
      SpThemeInfo *spec = g_new0 (SpThemeInfo, 1);

      spec->parent_id = specs[i].parent_id;
      spec->description = g_strstrip (g_strdup (specs[i].description != NULL ? specs[i].description : ""));
      spec->statement = g_strstrip (g_strdup (specs[i].statement != NULL ? specs[i].statement : ""));
      g_ptr_array_add (command->adds, spec);

      if ((spec->name = check_name (db, specs[i].name, 0, error)) == NULL)
        goto fail;
      if (specs[i].color != NULL)
        {
          if ((spec->color = check_color (specs[i].color, error)) == NULL)
            goto fail;
        }
      else
        spec->color = g_strdup (_sp_theme_palette_color ((guint) (n_themes + i)));
      if (!check_shortcut (db, specs[i].shortcut, 0, &spec->shortcut, error))
        goto fail;
      if (specs[i].parent_id > 0 && !check_parent (self, specs[i].parent_id, error))
        goto fail;
      if (specs[i].parent_id < 0 && (guint) (-specs[i].parent_id) > i)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT, _("The parent theme does not exist"));
          goto fail;
        }

      /* Against the others of the same batch. */
      for (guint j = 0; j < i; j++)
        {
          const SpThemeInfo *a = spec;
          const SpThemeInfo *b = g_ptr_array_index (command->adds, j);
          g_autofree char *fa = g_utf8_casefold (a->name, -1);
          g_autofree char *fb = g_utf8_casefold (b->name, -1);

          if (g_strcmp0 (fa, fb) == 0)
            {
              g_set_error (error, SP_ERROR, SP_ERROR_EXISTS, _("A theme “%s” already exists"), b->name);
              goto fail;
            }
          if (a->shortcut != NULL && g_strcmp0 (a->shortcut, b->shortcut) == 0)
            {
              g_set_error (error, SP_ERROR, SP_ERROR_EXISTS,
                           _("Shortcut %s is already used by “%s”"), a->shortcut, b->name);
              goto fail;
            }
        }
    }

  if (!execute (self, label, SP_PROJECT_CHANGE_THEMES, command, error))
    return FALSE;

  /* The undo manager now owns @command, which stays alive on its stack. */
  for (guint i = 0; out_ids != NULL && i < n_specs; i++)
    out_ids[i] = g_array_index (command->added_ids, gint64, i);
  return TRUE;

fail:
  theme_command_free (command);
  return FALSE;
}

gboolean
sp_project_add_theme (SpProject   *self,
                      const char  *name,
                      gint64       parent_id,
                      const char  *color,
                      const char  *description,
                      const char  *statement,
                      const char  *shortcut,
                      gint64      *out_id,
                      GError     **error)
{
  SpThemeSpec spec = { name, parent_id, color, description, statement, shortcut };

  g_return_val_if_fail (parent_id >= 0, FALSE);

  /* Translators: label of the Undo item */
  return _sp_project_add_themes (self, &spec, 1, _("Add theme"), out_id, error);
}

static gboolean
set_field (SpProject   *self,
           gint64       id,
           ThemeField   field,
           char        *value,  /* (transfer full) */
           const char  *label,
           GError     **error)
{
  ThemeCommand *command = theme_command_new (OP_SET, id);

  command->field = field;
  command->value = value;
  return execute (self, label, SP_PROJECT_CHANGE_THEMES, command, error);
}

gboolean
sp_project_rename_theme (SpProject   *self,
                         gint64       id,
                         const char  *name,
                         GError     **error)
{
  char *checked;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!check_open (self, error) || !check_theme (self, id, NULL, error))
    return FALSE;
  if ((checked = check_name (_sp_project_get_db (self), name, id, error)) == NULL)
    return FALSE;
  return set_field (self, id, FIELD_NAME, checked, _("Rename theme"), error);
}

gboolean
sp_project_set_theme_color (SpProject   *self,
                            gint64       id,
                            const char  *color,
                            GError     **error)
{
  char *checked;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!check_open (self, error) || !check_theme (self, id, NULL, error))
    return FALSE;
  if ((checked = check_color (color, error)) == NULL)
    return FALSE;
  return set_field (self, id, FIELD_COLOR, checked, _("Change theme colour"), error);
}

gboolean
sp_project_set_theme_description (SpProject   *self,
                                  gint64       id,
                                  const char  *description,
                                  GError     **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!check_open (self, error) || !check_theme (self, id, NULL, error))
    return FALSE;
  return set_field (self, id, FIELD_DESCRIPTION,
                    g_strstrip (g_strdup (description != NULL ? description : "")),
                    _("Change theme description"), error);
}

gboolean
sp_project_set_theme_statement (SpProject   *self,
                                gint64       id,
                                const char  *statement,
                                GError     **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!check_open (self, error) || !check_theme (self, id, NULL, error))
    return FALSE;
  return set_field (self, id, FIELD_STATEMENT,
                    g_strstrip (g_strdup (statement != NULL ? statement : "")),
                    _("Change theme statement"), error);
}

gboolean
sp_project_set_theme_shortcut (SpProject   *self,
                               gint64       id,
                               const char  *shortcut,
                               GError     **error)
{
  char *checked = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!check_open (self, error) || !check_theme (self, id, NULL, error))
    return FALSE;
  if (!check_shortcut (_sp_project_get_db (self), shortcut, id, &checked, error))
    return FALSE;
  return set_field (self, id, FIELD_SHORTCUT, checked, _("Change theme shortcut"), error);
}

/* TRUE if @id is @ancestor_id or lies somewhere below it. */
static gboolean
is_within (sqlite3  *db,
           gint64    id,
           gint64    ancestor_id,
           gboolean *out,
           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 count;

  stmt = sp_db_prepare (db,
                        "WITH RECURSIVE up(id) AS (SELECT ?1 UNION"
                        " SELECT t.parent_id FROM themes t JOIN up ON t.id = up.id"
                        " WHERE t.parent_id IS NOT NULL)"
                        " SELECT count(*) FROM up WHERE id = ?2",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, ancestor_id);
  if (!sp_db_query_int64 (db, stmt, &count, _("Could not read the codebook"), error))
    return FALSE;
  *out = count > 0;
  return TRUE;
}

gboolean
sp_project_move_theme (SpProject  *self,
                       gint64      id,
                       gint64      parent_id,
                       int         position,
                       GError    **error)
{
  g_autoptr(SpThemeInfo) theme = NULL;
  ThemeCommand *command;
  gboolean inside = FALSE;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (parent_id >= 0, FALSE);

  if (!check_open (self, error) || !check_theme (self, id, &theme, error) ||
      !check_parent (self, parent_id, error))
    return FALSE;

  if (parent_id != 0 && !is_within (_sp_project_get_db (self), parent_id, id, &inside, error))
    return FALSE;
  if (inside)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("“%s” cannot be moved into itself or one of its own sub-themes"), theme->name);
      return FALSE;
    }

  command = theme_command_new (OP_MOVE, id);
  command->other_id = parent_id;
  command->position = position;
  return execute (self, _("Move theme"), SP_PROJECT_CHANGE_THEMES, command, error);
}

gboolean
sp_project_reorder_theme (SpProject  *self,
                          gint64      id,
                          int         position,
                          GError    **error)
{
  g_autoptr(SpThemeInfo) theme = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!check_open (self, error) || !check_theme (self, id, &theme, error))
    return FALSE;
  return sp_project_move_theme (self, id, theme->parent_id, position, error);
}

gboolean
sp_project_merge_themes (SpProject  *self,
                         gint64      id,
                         gint64      into_id,
                         GError    **error)
{
  g_autoptr(SpThemeInfo) from = NULL;
  ThemeCommand *command;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!check_open (self, error) || !check_theme (self, id, &from, error) ||
      !check_theme (self, into_id, NULL, error))
    return FALSE;
  if (id == into_id)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("“%s” cannot be merged into itself"), from->name);
      return FALSE;
    }

  command = theme_command_new (OP_MERGE, id);
  command->other_id = into_id;
  g_array_append_val (command->tag_theme_ids, id);
  g_array_append_val (command->tag_theme_ids, into_id);
  return execute (self, _("Merge themes"),
                  SP_PROJECT_CHANGE_THEMES | SP_PROJECT_CHANGE_ANNOTATIONS, command, error);
}

gboolean
sp_project_delete_theme (SpProject  *self,
                         gint64      id,
                         GError    **error)
{
  ThemeCommand *command;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!check_open (self, error) || !check_theme (self, id, NULL, error))
    return FALSE;

  command = theme_command_new (OP_DELETE, id);
  g_array_append_val (command->tag_theme_ids, id);
  return execute (self, _("Delete theme"),
                  SP_PROJECT_CHANGE_THEMES | SP_PROJECT_CHANGE_ANNOTATIONS, command, error);
}

gint64
sp_project_count_theme_annotations (SpProject  *self,
                                    gint64      id,
                                    GError    **error)
{
  g_autoptr(SpThemeInfo) theme = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), -1);

  if (!check_theme (self, id, &theme, error))
    return -1;
  return theme->n_annotations;
}

/* Reading */

#define THEME_SELECT \
  "SELECT t.id, coalesce(t.parent_id, 0), t.name, t.description, t.statement, t.color," \
  " t.shortcut, t.position," \
  " (SELECT count(*) FROM annotation_themes a WHERE a.theme_id = t.id)" \
  " FROM themes t "

static SpThemeInfo *
theme_from_row (sqlite3_stmt *stmt)
{
  SpThemeInfo *info = g_new0 (SpThemeInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->parent_id = sqlite3_column_int64 (stmt, 1);
  info->name = sp_db_column_dup (stmt, 2);
  info->description = sp_db_column_dup (stmt, 3);
  info->statement = sp_db_column_dup (stmt, 4);
  info->color = sp_db_column_dup (stmt, 5);
  info->shortcut = sp_db_column_dup (stmt, 6);
  info->position = sqlite3_column_int (stmt, 7);
  info->n_annotations = (guint) sqlite3_column_int (stmt, 8);
  return info;
}

static void
add_subtree (GPtrArray   *out,
             GHashTable  *children,
             gint64       parent_id,
             guint        depth)
{
  GPtrArray *list = g_hash_table_lookup (children, &parent_id);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SpThemeInfo *info = g_ptr_array_index (list, i);

      info->depth = depth;
      g_ptr_array_add (out, info);
      add_subtree (out, children, info->id, depth + 1);
    }
}

typedef struct
{
  GPtrArray   *all;       /* owns the records */
  GHashTable  *children;  /* parent id → GPtrArray of its themes */
} ThemeTree;

static void
add_to_tree (sqlite3_stmt *stmt,
             gpointer      data)
{
  ThemeTree *tree = data;
  SpThemeInfo *info = theme_from_row (stmt);
  GPtrArray *list = g_hash_table_lookup (tree->children, &info->parent_id);

  g_ptr_array_add (tree->all, info);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (tree->children, &info->parent_id, list);
    }
  g_ptr_array_add (list, info);
}

GPtrArray *
sp_project_list_themes (SpProject  *self,
                        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) children = NULL;
  g_autoptr(GPtrArray) all = NULL;
  ThemeTree tree;
  GPtrArray *themes;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return NULL;
  if ((stmt = sp_db_prepare (db, THEME_SELECT "ORDER BY t.position, t.id", error)) == NULL)
    return NULL;

  all = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_theme_info_free);
  children = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                    (GDestroyNotify) g_ptr_array_unref);
  tree = (ThemeTree) { all, children };
  if (!sp_db_for_each_row (db, stmt, add_to_tree, &tree, _("Could not read the codebook"), error))
    return NULL;

  themes = g_ptr_array_new_full (all->len, (GDestroyNotify) sp_theme_info_free);
  add_subtree (themes, children, 0, 0);
  g_assert (themes->len == all->len);

  /* @themes owns the records now. */
  g_ptr_array_set_free_func (all, NULL);
  return themes;
}

static gboolean
fill_depth (sqlite3      *db,
            SpThemeInfo  *info,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 depth;

  stmt = sp_db_prepare (db,
                        "WITH RECURSIVE up(id, d) AS (SELECT parent_id, 0 FROM themes WHERE id = ?1"
                        " UNION ALL SELECT t.parent_id, d + 1 FROM themes t JOIN up ON t.id = up.id)"
                        " SELECT count(*) FROM up WHERE id IS NOT NULL",
                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, info->id);
  if (!sp_db_query_int64 (db, stmt, &depth, _("Could not read the codebook"), error))
    return FALSE;
  info->depth = (guint) depth;
  return TRUE;
}

/* Binds @name, or else @id, as ?1 of @where; @missing is the message for
 * no such theme. */
static SpThemeInfo *
lookup_theme (SpProject   *self,
              const char  *where,
              gint64       id,
              const char  *name,
              const char  *missing,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(SpThemeInfo) info = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return NULL;

  sql = g_strconcat (THEME_SELECT, where, NULL);
  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return NULL;
  if (name != NULL)
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  info = sp_db_get_row (db, stmt, (SpDbRowFunc) theme_from_row,
                        _("Could not read the codebook"), missing, error);
  if (info == NULL || !fill_depth (db, info, error))
    return NULL;
  return g_steal_pointer (&info);
}

static SpThemeInfo *
get_theme (SpProject  *self,
           gint64      id,
           GError    **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *missing = g_strdup_printf (_("There is no theme with id %s in this project"), id_text);

  return lookup_theme (self, "WHERE t.id = ?1", id, NULL, missing, error);
}

SpThemeInfo *
sp_project_get_theme (SpProject  *self,
                      gint64      id,
                      GError    **error)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return get_theme (self, id, error);
}

SpThemeInfo *
sp_project_find_theme (SpProject   *self,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *missing = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  trimmed = g_strstrip (g_strdup (name));
  missing = g_strdup_printf (_("There is no theme “%s” in this project"), trimmed);
  /* The column's NOCASE collation folds ASCII only; names are compared the
   * same way the UNIQUE constraint compares them. */
  return lookup_theme (self, "WHERE t.name = ?1", 0, trimmed, missing, error);
}
