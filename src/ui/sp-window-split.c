/* sp-window-split.c: reading two documents side by side.
 *
 * Both panes are full document views; everything that acts on "the"
 * document (tagging, the annotations pane, search, the sidebar's document
 * list) acts on the active pane, the one that has or last had the focus.
 * The pair shown and the divider are view state kept in the project file
 * (sp_project_set_property), so a project reopens as it was left, on any
 * computer. A project that cannot be written (a colleague's file opened
 * read-only) keeps them in the user's settings instead, under its path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "sp-window-private.h"

#define KEY_ENABLED  "side-by-side.enabled"
#define KEY_LEFT     "side-by-side.left"
#define KEY_RIGHT    "side-by-side.right"
#define KEY_POSITION "side-by-side.position"

/* Dragging the divider stores its place once it rests this long */
#define SAVE_POSITION_DELAY_MS 400

static GtkDropDown *
pane_dropdown (SpWindow     *self,
               SpWindowPane  pane)
{
  return pane == SP_WINDOW_PANE_LEFT ? self->left_dropdown : self->right_dropdown;
}

static GtkWidget *
pane_box (SpWindow     *self,
          SpWindowPane  pane)
{
  return pane == SP_WINDOW_PANE_LEFT ? self->left_pane : self->right_pane;
}

/* Storing the pair and the divider */

/* The GSettings key holding the view state of read-only projects: a map
 * from "PATH\tKEY" to the value. */
#define SETTINGS_KEY "side-by-side-pairs"
/* Kept bounded: past this many entries the oldest projects' state goes. */
#define SETTINGS_MAX_ENTRIES 256

static gboolean
can_store (SpWindow *self)
{
  return self->project != NULL && self->syncing == 0;
}

static char *
settings_entry (SpWindow   *self,
                const char *key)
{
  return g_strdup_printf ("%s\t%s", sp_project_get_path (self->project), key);
}

static void
store_in_settings (SpWindow   *self,
                   const char *key,
                   const char *value)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, SETTINGS_KEY);
  g_autofree char *entry = settings_entry (self, key);
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
  gsize n = g_variant_n_children (old);
  gsize skip = n >= SETTINGS_MAX_ENTRIES ? n - SETTINGS_MAX_ENTRIES + 1 : 0;
  GVariantIter iter;
  const char *k, *v;

  /* Entries are appended, so the first ones are the oldest. */
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (skip > 0)
      skip--;
    else if (g_strcmp0 (k, entry) != 0)
      g_variant_builder_add (builder, "{ss}", k, v);
  g_variant_builder_add (builder, "{ss}", entry, value);
  g_settings_set_value (self->settings, SETTINGS_KEY, g_variant_builder_end (builder));
}

static void
store_property (SpWindow   *self,
                const char *key,
                const char *value)
{
  g_autoptr(GError) error = NULL;

  if (sp_project_is_read_only (self->project))
    store_in_settings (self, key, value);
  else if (!sp_project_set_property (self->project, key, value, &error))
    g_debug ("Could not store %s in the project: %s", key, error->message);
}

static char *
lookup_property (SpWindow   *self,
                 const char *key)
{
  if (sp_project_is_read_only (self->project))
    {
      g_autoptr(GVariant) map = g_settings_get_value (self->settings, SETTINGS_KEY);
      g_autofree char *entry = settings_entry (self, key);
      const char *value;

      if (g_variant_lookup (map, entry, "&s", &value))
        return g_strdup (value);
    }
  return sp_project_get_property (self->project, key, NULL);
}

static void
store_int (SpWindow   *self,
           const char *key,
           gint64      value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  store_property (self, key, text);
}

static gint64
read_int (SpWindow   *self,
          const char *key,
          gint64      fallback)
{
  g_autofree char *text = lookup_property (self, key);
  char *end = NULL;
  gint64 value;

  if (text == NULL)
    return fallback;

  value = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' ? value : fallback;
}

static void
store_pair (SpWindow *self)
{
  if (!can_store (self) || !self->side_by_side)
    return;

  store_int (self, KEY_LEFT, sp_document_view_get_document_id (self->views[SP_WINDOW_PANE_LEFT]));
  store_int (self, KEY_RIGHT, sp_document_view_get_document_id (self->views[SP_WINDOW_PANE_RIGHT]));
}

void
_sp_window_split_save_position (SpWindow *self)
{
  if (self->save_position_id == 0)
    return;

  g_clear_handle_id (&self->save_position_id, g_source_remove);
  if (can_store (self) && self->side_by_side)
    store_int (self, KEY_POSITION, gtk_paned_get_position (self->split_paned));
}

static gboolean
save_position_cb (gpointer user_data)
{
  SpWindow *self = user_data;

  _sp_window_split_save_position (self);
  return G_SOURCE_REMOVE;
}

static void
split_position_changed_cb (SpWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->split_paned));

  /* Only a divider the reader moved, not one being laid out: opening the
   * annotations pane narrows the panes and moves it too */
  if (width != self->split_width)
    {
      self->split_width = width;
      return;
    }
  if (!self->side_by_side || self->syncing > 0 || !gtk_widget_get_mapped (GTK_WIDGET (self->split_paned)))
    return;

  g_clear_handle_id (&self->save_position_id, g_source_remove);
  self->save_position_id = g_timeout_add (SAVE_POSITION_DELAY_MS, save_position_cb, self);
}

/* The documents' dropdowns */

static guint
document_position (SpWindow *self,
                   gint64    document_id)
{
  for (guint i = 0; self->document_ids != NULL && i < self->document_ids->len; i++)
    if (g_array_index (self->document_ids, gint64, i) == document_id)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
sync_dropdown (SpWindow     *self,
               SpWindowPane  pane)
{
  gint64 document_id = sp_document_view_get_document_id (self->views[pane]);

  self->syncing++;
  gtk_drop_down_set_selected (pane_dropdown (self, pane), document_position (self, document_id));
  self->syncing--;
}

static void
sync_sidebar (SpWindow *self)
{
  gint64 document_id = sp_document_view_get_document_id (SP_WINDOW_ACTIVE_VIEW (self));

  if (document_id == 0 || sp_sidebar_get_selected_document (self->sidebar) == document_id)
    return;

  self->syncing++;
  sp_sidebar_select_document (self->sidebar, document_id);
  self->syncing--;
}

/* Titles are long ("Edited transcript of Webinar | …"): the button shows
 * them cut short, so that two panes fit side by side, and the list in
 * full, wrapped. */
static void
title_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
    }
  gtk_list_item_set_child (item, label);
}

static void
title_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  wrap)
{
  GtkStringObject *title = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (title));
}

static GtkListItemFactory *
title_factory_new (gboolean wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (title_setup_cb), GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "bind", G_CALLBACK (title_bind_cb), GINT_TO_POINTER (wrap));
  return factory;
}

static void
fill_dropdowns (SpWindow *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) documents = NULL;

  g_array_set_size (self->document_ids, 0);
  if (self->project != NULL)
    documents = sp_project_list_documents (self->project, NULL);

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      SpDocumentInfo *info = g_ptr_array_index (documents, i);

      g_array_append_val (self->document_ids, info->id);
      gtk_string_list_append (titles, info->title);
    }

  self->syncing++;
  gtk_drop_down_set_model (self->left_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_model (self->right_dropdown, G_LIST_MODEL (titles));
  self->syncing--;
  sync_dropdown (self, SP_WINDOW_PANE_LEFT);
  sync_dropdown (self, SP_WINDOW_PANE_RIGHT);
}

static void
dropdown_selected_cb (SpWindow    *self,
                      GParamSpec  *pspec,
                      GtkDropDown *dropdown)
{
  SpWindowPane pane = dropdown == self->left_dropdown ? SP_WINDOW_PANE_LEFT : SP_WINDOW_PANE_RIGHT;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing > 0 || self->document_ids == NULL || selected >= self->document_ids->len)
    return;

  _sp_window_set_active_pane (self, pane);
  _sp_window_load_in_pane (self, pane, g_array_index (self->document_ids, gint64, selected));
}

/* Panes */

gboolean
_sp_window_load_in_pane (SpWindow     *self,
                         SpWindowPane  pane,
                         gint64        document_id)
{
  SpDocumentView *view = self->views[pane];
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return FALSE;

  if (sp_document_view_get_document_id (view) != document_id)
    {
      if (!sp_document_view_load (view, self->project, document_id, &error))
        {
          sp_window_add_toast (self, error->message);
          sync_dropdown (self, pane);
          _sp_window_update_content_page (self);
          return FALSE;
        }

      _sp_window_reload_annotations (self);
      _sp_window_reload_links (self);
      store_pair (self);
    }

  sync_dropdown (self, pane);
  if (pane == self->active_pane)
    sync_sidebar (self);
  _sp_window_update_content_page (self);
  return TRUE;
}

gboolean
sp_window_show_document_in_pane (SpWindow     *self,
                                 SpWindowPane  pane,
                                 gint64        document_id)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (pane == SP_WINDOW_PANE_LEFT || pane == SP_WINDOW_PANE_RIGHT, FALSE);

  return _sp_window_load_in_pane (self, pane, document_id);
}

static void
update_active_style (SpWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    {
      if (self->side_by_side && i == self->active_pane)
        gtk_widget_add_css_class (pane_box (self, i), "sp-active-pane");
      else
        gtk_widget_remove_css_class (pane_box (self, i), "sp-active-pane");
    }
}

void
_sp_window_set_active_pane (SpWindow     *self,
                            SpWindowPane  pane)
{
  if (self->active_pane == pane)
    return;

  /* The popovers point into the pane that was active */
  if (self->tag_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->tag_popover));
  if (self->link_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->link_popover));

  self->active_pane = pane;
  update_active_style (self);
  sync_sidebar (self);
  /* The annotations pane lists the active pane's document */
  _sp_window_reload_annotations (self);
  _sp_window_update_titles (self);
}

void
sp_window_focus_pane (SpWindow     *self,
                      SpWindowPane  pane)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (pane == SP_WINDOW_PANE_LEFT || pane == SP_WINDOW_PANE_RIGHT);

  _sp_window_set_active_pane (self, pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->views[pane]));
}

static void
view_focus_enter_cb (GtkEventControllerFocus *controller,
                     SpWindow                *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  _sp_window_set_active_pane (self, view == GTK_WIDGET (self->views[SP_WINDOW_PANE_LEFT])
                                    ? SP_WINDOW_PANE_LEFT : SP_WINDOW_PANE_RIGHT);
}

/* The default pair: the first report on the left and the first transcript
 * on the right, else the first two documents. */
static void
default_pair (SpWindow *self,
              gint64   *left,
              gint64   *right)
{
  g_autoptr(GPtrArray) documents = sp_project_list_documents (self->project, NULL);
  gint64 report = 0, transcript = 0;

  *left = *right = 0;
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      SpDocumentInfo *info = g_ptr_array_index (documents, i);

      if (report == 0 && info->kind == SP_DOCUMENT_KIND_REPORT)
        report = info->id;
      else if (transcript == 0 && info->kind == SP_DOCUMENT_KIND_TRANSCRIPT)
        transcript = info->id;
    }

  if (report != 0 && transcript != 0)
    {
      *left = report;
      *right = transcript;
      return;
    }

  if (documents != NULL && documents->len > 0)
    {
      SpDocumentInfo *first = g_ptr_array_index (documents, 0);
      SpDocumentInfo *second = g_ptr_array_index (documents, MIN (1, documents->len - 1));

      *left = first->id;
      *right = second->id;
    }
}

/* Shows the pair last used with this project, or the default one */
static void
show_pair (SpWindow *self)
{
  gint64 left = read_int (self, KEY_LEFT, 0);
  gint64 right = read_int (self, KEY_RIGHT, 0);

  if (document_position (self, left) == GTK_INVALID_LIST_POSITION ||
      document_position (self, right) == GTK_INVALID_LIST_POSITION)
    default_pair (self, &left, &right);

  if (left != 0)
    _sp_window_load_in_pane (self, SP_WINDOW_PANE_LEFT, left);
  if (right != 0)
    _sp_window_load_in_pane (self, SP_WINDOW_PANE_RIGHT, right);
}

/* Turns the second pane on or off; with @show_stored_pair, shows the pair
 * last used (or the default one), else keeps the left pane's document. */
static void
set_side_by_side (SpWindow *self,
                  gboolean  side_by_side,
                  gboolean  show_stored_pair)
{
  side_by_side = !!side_by_side && self->project != NULL;
  if (self->side_by_side == side_by_side)
    return;

  self->side_by_side = side_by_side;
  gtk_widget_set_visible (self->right_pane, side_by_side);
  gtk_widget_set_visible (self->left_header, side_by_side);
  gtk_widget_set_visible (self->right_header, side_by_side);

  if (side_by_side)
    {
      int width = gtk_widget_get_width (GTK_WIDGET (self->split_paned));
      gint64 position = read_int (self, KEY_POSITION, width > 0 ? width / 2 : -1);

      self->syncing++;
      if (position > 0)
        gtk_paned_set_position (self->split_paned, (int) position);
      self->syncing--;

      if (show_stored_pair)
        show_pair (self);
      store_pair (self);
    }
  else
    {
      _sp_window_set_active_pane (self, SP_WINDOW_PANE_LEFT);
      sp_document_view_clear (self->views[SP_WINDOW_PANE_RIGHT]);
      _sp_window_reload_links (self);
    }

  if (can_store (self))
    store_property (self, KEY_ENABLED, side_by_side ? "1" : "0");

  update_active_style (self);
  _sp_window_update_content_page (self);
  g_object_notify (G_OBJECT (self), "side-by-side");
}

gboolean
sp_window_get_side_by_side (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);

  return self->side_by_side;
}

void
sp_window_set_side_by_side (SpWindow *self,
                            gboolean  side_by_side)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  set_side_by_side (self, side_by_side, TRUE);
  /* The toggle (Ctrl+\\ or the header's button) would keep the focus, and
   * a pane that was just hidden may have had it: the reader goes on in
   * the active pane's text, with the keyboard too */
  if (self->project != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (SP_WINDOW_ACTIVE_VIEW (self)));
}

/* For following a link from one pane: opens the second pane, leaving the
 * first one where it is. */
void
_sp_window_open_second_pane (SpWindow *self)
{
  set_side_by_side (self, TRUE, FALSE);
}

void
_sp_window_split_set_project (SpWindow *self)
{
  g_clear_handle_id (&self->save_position_id, g_source_remove);

  self->syncing++;
  fill_dropdowns (self);
  if (self->project == NULL)
    set_side_by_side (self, FALSE, FALSE);
  else
    {
      g_autofree char *enabled = lookup_property (self, KEY_ENABLED);

      set_side_by_side (self, FALSE, FALSE);
      set_side_by_side (self, g_strcmp0 (enabled, "1") == 0, TRUE);
    }
  self->syncing--;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.side-by-side", self->project != NULL);
}

void
_sp_window_split_documents_changed (SpWindow *self)
{
  fill_dropdowns (self);

  /* A document deleted from under a pane */
  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    {
      gint64 document_id = sp_document_view_get_document_id (self->views[i]);

      if (document_id != 0 && document_position (self, document_id) == GTK_INVALID_LIST_POSITION)
        {
          sp_document_view_clear (self->views[i]);
          _sp_window_update_content_page (self);
        }
    }
}

void
_sp_window_class_split_init (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_property_action (widget_class, "win.side-by-side", "side-by-side");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_backslash, GDK_CONTROL_MASK, "win.side-by-side", NULL);
}

void
_sp_window_split_init (SpWindow *self)
{
  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->active_pane = SP_WINDOW_PANE_LEFT;

  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();
      g_autoptr(GtkListItemFactory) button_factory = title_factory_new (FALSE);
      g_autoptr(GtkListItemFactory) list_factory = title_factory_new (TRUE);

      gtk_drop_down_set_factory (pane_dropdown (self, i), button_factory);
      gtk_drop_down_set_list_factory (pane_dropdown (self, i), list_factory);

      g_signal_connect (focus, "enter", G_CALLBACK (view_focus_enter_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self->views[i]), focus);
      g_signal_connect_object (pane_dropdown (self, i), "notify::selected",
                               G_CALLBACK (dropdown_selected_cb), self, G_CONNECT_SWAPPED);
    }

  /* Two views both named "Document text" would be hard to tell apart */
  gtk_accessible_update_property (GTK_ACCESSIBLE (sp_document_view_get_source_view (self->views[SP_WINDOW_PANE_RIGHT])),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document text, right pane"),
                                  -1);

  g_signal_connect_object (self->split_paned, "notify::position",
                           G_CALLBACK (split_position_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.side-by-side", FALSE);
}

void
_sp_window_split_dispose (SpWindow *self)
{
  g_clear_handle_id (&self->save_position_id, g_source_remove);
  g_clear_pointer (&self->document_ids, g_array_unref);
}
