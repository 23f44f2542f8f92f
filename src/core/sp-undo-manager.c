/* sp-undo-manager.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"
#include "sp-undo-manager.h"

/* Enough for a long session; the oldest changes fall off the end. */
#define MAX_HISTORY 500

struct _SpCommand
{
  char            *label;
  SpProjectChange  changes;
  SpCommandFunc    apply;
  SpCommandFunc    revert;
  gpointer         data;
  GDestroyNotify   free_data;
  SpProjectChange  subject_kind;  /* 0: no subject */
  gint64           subject_id;
};

SpCommand *
sp_command_new (const char      *label,
                SpProjectChange  changes,
                SpCommandFunc    apply,
                SpCommandFunc    revert,
                gpointer         data,
                GDestroyNotify   free_data)
{
  SpCommand *command;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (apply != NULL, NULL);
  g_return_val_if_fail (revert != NULL, NULL);

  command = g_new0 (SpCommand, 1);
  command->label = g_strdup (label);
  command->changes = changes;
  command->apply = apply;
  command->revert = revert;
  command->data = data;
  command->free_data = free_data;

  return command;
}

void
sp_command_free (SpCommand *command)
{
  if (command == NULL)
    return;
  if (command->free_data != NULL)
    command->free_data (command->data);
  g_free (command->label);
  g_free (command);
}

const char *
sp_command_get_label (SpCommand *command)
{
  g_return_val_if_fail (command != NULL, NULL);
  return command->label;
}

gpointer
sp_command_get_data (SpCommand *command)
{
  g_return_val_if_fail (command != NULL, NULL);
  return command->data;
}

void
sp_command_set_subject (SpCommand       *command,
                        SpProjectChange  kind,
                        gint64           id)
{
  g_return_if_fail (command != NULL);
  g_return_if_fail (kind == 0 || id > 0);

  command->subject_kind = kind;
  command->subject_id = kind != 0 ? id : 0;
}

gboolean
sp_command_get_subject (SpCommand       *command,
                        SpProjectChange *kind,
                        gint64          *id)
{
  g_return_val_if_fail (command != NULL, FALSE);

  if (command->subject_kind == 0)
    return FALSE;
  if (kind != NULL)
    *kind = command->subject_kind;
  if (id != NULL)
    *id = command->subject_id;
  return TRUE;
}

struct _SpUndoManager
{
  GObject    parent_instance;

  SpProject *project;  /* weak: the project owns its manager */
  GQueue     undo;     /* of SpCommand, newest at the head */
  GQueue     redo;
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SpUndoManager, sp_undo_manager, G_TYPE_OBJECT)

static void
sp_undo_manager_finalize (GObject *object)
{
  SpUndoManager *self = SP_UNDO_MANAGER (object);

  g_queue_clear_full (&self->undo, (GDestroyNotify) sp_command_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) sp_command_free);

  G_OBJECT_CLASS (sp_undo_manager_parent_class)->finalize (object);
}

static void
sp_undo_manager_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpUndoManager *self = SP_UNDO_MANAGER (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sp_undo_manager_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, sp_undo_manager_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, sp_undo_manager_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, sp_undo_manager_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_undo_manager_class_init (SpUndoManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_undo_manager_finalize;
  object_class->get_property = sp_undo_manager_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_undo_manager_init (SpUndoManager *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

SpUndoManager *
_sp_undo_manager_new (SpProject *project)
{
  SpUndoManager *self = g_object_new (SP_TYPE_UNDO_MANAGER, NULL);

  self->project = project;
  return self;
}

static void
notify_all (SpUndoManager *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

/* Runs @func in one transaction; on failure nothing of it remains. */
static gboolean
run_in_transaction (SpUndoManager  *self,
                    SpCommand      *command,
                    SpCommandFunc   func,
                    GError        **error)
{
  sqlite3 *db = _sp_project_get_db (self->project);

  if (!_sp_project_check_writable (self->project, error) || !sp_db_begin (db, error))
    return FALSE;

  if (!func (self->project, command->data, error))
    {
      sp_db_rollback (db);
      return FALSE;
    }

  if (!sp_db_commit (db, error))
    return FALSE;

  sp_project_emit_changed (self->project, command->changes);
  return TRUE;
}

gboolean
sp_undo_manager_execute (SpUndoManager  *self,
                         SpCommand      *command,
                         GError        **error)
{
  g_return_val_if_fail (SP_IS_UNDO_MANAGER (self), FALSE);
  g_return_val_if_fail (command != NULL, FALSE);

  if (!run_in_transaction (self, command, command->apply, error))
    {
      sp_command_free (command);
      return FALSE;
    }

  g_queue_push_head (&self->undo, command);
  while (self->undo.length > MAX_HISTORY)
    sp_command_free (g_queue_pop_tail (&self->undo));
  g_queue_clear_full (&self->redo, (GDestroyNotify) sp_command_free);

  notify_all (self);
  return TRUE;
}

/* Moves the newest command of @from to @to, running @revert or apply. */
static gboolean
step (SpUndoManager  *self,
      GQueue         *from,
      GQueue         *to,
      gboolean        undoing,
      GError        **error)
{
  SpCommand *command = g_queue_peek_head (from);

  if (command == NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   undoing ? _("There is nothing to undo") : _("There is nothing to redo"));
      return FALSE;
    }

  if (!run_in_transaction (self, command, undoing ? command->revert : command->apply, error))
    return FALSE;

  g_queue_push_head (to, g_queue_pop_head (from));
  notify_all (self);
  return TRUE;
}

gboolean
sp_undo_manager_undo (SpUndoManager  *self,
                      GError        **error)
{
  g_return_val_if_fail (SP_IS_UNDO_MANAGER (self), FALSE);
  return step (self, &self->undo, &self->redo, TRUE, error);
}

gboolean
sp_undo_manager_redo (SpUndoManager  *self,
                      GError        **error)
{
  g_return_val_if_fail (SP_IS_UNDO_MANAGER (self), FALSE);
  return step (self, &self->redo, &self->undo, FALSE, error);
}

gboolean
sp_undo_manager_can_undo (SpUndoManager *self)
{
  g_return_val_if_fail (SP_IS_UNDO_MANAGER (self), FALSE);
  return self->undo.length > 0;
}

gboolean
sp_undo_manager_can_redo (SpUndoManager *self)
{
  g_return_val_if_fail (SP_IS_UNDO_MANAGER (self), FALSE);
  return self->redo.length > 0;
}

/* The label of the command at the top of @stack, or NULL if it is empty. */
static const char *
top_label (GQueue *stack)
{
  SpCommand *command = g_queue_peek_head (stack);

  return command != NULL ? command->label : NULL;
}

/* The subject of the command at the top of @stack, if it has one. */
static gboolean
top_subject (GQueue          *stack,
             SpProjectChange *kind,
             gint64          *id)
{
  SpCommand *command = g_queue_peek_head (stack);

  return command != NULL && sp_command_get_subject (command, kind, id);
}

const char *
sp_undo_manager_get_undo_label (SpUndoManager *self)
{
  g_return_val_if_fail (SP_IS_UNDO_MANAGER (self), NULL);
  return top_label (&self->undo);
}

const char *
sp_undo_manager_get_redo_label (SpUndoManager *self)
{
  g_return_val_if_fail (SP_IS_UNDO_MANAGER (self), NULL);
  return top_label (&self->redo);
}

gboolean
sp_undo_manager_peek_undo_subject (SpUndoManager   *self,
                                   SpProjectChange *kind,
                                   gint64          *id)
{
  g_return_val_if_fail (SP_IS_UNDO_MANAGER (self), FALSE);
  return top_subject (&self->undo, kind, id);
}

gboolean
sp_undo_manager_peek_redo_subject (SpUndoManager   *self,
                                   SpProjectChange *kind,
                                   gint64          *id)
{
  g_return_val_if_fail (SP_IS_UNDO_MANAGER (self), FALSE);
  return top_subject (&self->redo, kind, id);
}

void
sp_undo_manager_clear (SpUndoManager *self)
{
  g_return_if_fail (SP_IS_UNDO_MANAGER (self));

  g_queue_clear_full (&self->undo, (GDestroyNotify) sp_command_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) sp_command_free);
  notify_all (self);
}
