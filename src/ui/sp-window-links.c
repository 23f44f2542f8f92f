/* sp-window-links.c: links between passages of the two panes — making one
 * from a selection on each side, marking linked passages in both panes,
 * and following a link to the other pane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-annotations.h"
#include "sp-error.h"
#include "sp-window-private.h"

/* What a marker says about the other end */

/* The link seen from its target: "Paraphrased by: …" */
static const char *
reverse_kind_label (SpLinkKind kind)
{
  switch (kind)
    {
    case SP_LINK_PARAPHRASES: return _("Paraphrased by");
    case SP_LINK_RESPONDS_TO: return _("Responded to by");
    case SP_LINK_CONTRADICTS: return _("Contradicted by");
    case SP_LINK_CITES:       return _("Cited by");
    default:                  return "";
    }
}

static char *
format_timestamp (gint64 ms)
{
  gint64 seconds = ms / 1000;

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* Segments of each document a marker points into, read once per reload */
static GPtrArray *
cached_segments (SpWindow   *self,
                 GHashTable *cache,
                 gint64      document_id)
{
  GPtrArray *segments = g_hash_table_lookup (cache, &document_id);

  if (segments == NULL && !g_hash_table_contains (cache, &document_id))
    {
      gint64 *key = g_new (gint64, 1);

      *key = document_id;
      segments = sp_project_list_segments (self->project, document_id, NULL);
      g_hash_table_insert (cache, key, segments);
    }

  return segments;
}

/* "Scott Kennedy, 12:34": who holds the passage and, in a transcript, when
 * they said it; the document's title when there is no one. */
static char *
describe_end (SpWindow   *self,
              GHashTable *cache,
              gint64      annotation_id,
              gint64      document_id,
              gint64      start)
{
  g_autoptr(SpAnnotationInfo) info = sp_project_get_annotation (self->project, annotation_id, NULL);
  GPtrArray *segments = cached_segments (self, cache, document_id);
  g_autofree char *when = NULL;
  const char *who = info != NULL ? info->stakeholder : NULL;

  for (guint i = 0; segments != NULL && i < segments->len; i++)
    {
      SpSegmentInfo *seg = g_ptr_array_index (segments, i);

      if (seg->kind != SP_SEGMENT_TURN || start < seg->start || start >= seg->end)
        continue;
      if (seg->timestamp_ms >= 0)
        when = format_timestamp (seg->timestamp_ms);
      if (who == NULL)
        who = seg->stakeholder;
      break;
    }

  if (who != NULL && when != NULL)
    /* Translators: the other end of a link, "<speaker>, <time>" */
    return g_strdup_printf (_("%s, %s"), who, when);
  if (who != NULL)
    return g_strdup (who);

  {
    g_autoptr(SpDocumentInfo) document = sp_project_get_document (self->project, document_id, NULL);

    return g_strdup (document != NULL ? document->title : "");
  }
}

static char *
marker_label (const char *kind,
              const char *other)
{
  /* Translators: a link marker's tooltip, "<kind>: <other end>", e.g.
   * "Paraphrases: Scott Kennedy, 12:34" */
  return g_strdup_printf (_("%s: %s"), kind, other);
}

/* The marker of @link's source end (@at_source) or of its target end */
static SpLinkMarker *
marker_new (SpWindow         *self,
            GHashTable       *cache,
            const SpLinkInfo *link,
            gboolean          at_source)
{
  gint64 other_id = at_source ? link->target_id : link->source_id;
  gint64 other_document_id = at_source ? link->target_document_id : link->source_document_id;
  gint64 other_start = at_source ? link->target_start : link->source_start;
  gint64 other_end = at_source ? link->target_end : link->source_end;
  g_autofree char *other = describe_end (self, cache, other_id, other_document_id, other_start);
  g_autofree char *label = marker_label (at_source ? sp_link_kind_get_label (link->kind)
                                                   : reverse_kind_label (link->kind),
                                         other);

  return sp_link_marker_new (link->id,
                             (int) (at_source ? link->source_start : link->target_start),
                             (int) (at_source ? link->source_end : link->target_end),
                             other_document_id, (int) other_start, (int) other_end, label);
}

static GPtrArray *
list_markers (SpWindow   *self,
              GHashTable *cache,
              gint64      document_id)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *markers;

  links = sp_project_list_links (self->project, document_id, &error);
  if (links == NULL)
    {
      g_debug ("Could not list the links of document %lld: %s", (long long) document_id, error->message);
      return NULL;
    }

  markers = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_link_marker_free);
  for (guint i = 0; i < links->len; i++)
    {
      SpLinkInfo *link = g_ptr_array_index (links, i);

      /* Both ends, when both lie in this document */
      if (link->source_document_id == document_id)
        g_ptr_array_add (markers, marker_new (self, cache, link, TRUE));
      if (link->target_document_id == document_id)
        g_ptr_array_add (markers, marker_new (self, cache, link, FALSE));
    }

  return markers;
}

void
_sp_window_reload_links (SpWindow *self)
{
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    {
      gint64 document_id = sp_document_view_get_document_id (self->views[i]);
      g_autoptr(GPtrArray) markers = NULL;

      if (self->project != NULL && document_id != 0)
        markers = list_markers (self, cache, document_id);
      sp_document_view_set_link_markers (self->views[i], markers);
    }
}

/* Following */

static SpWindowPane
other_pane (SpWindowPane pane)
{
  return pane == SP_WINDOW_PANE_LEFT ? SP_WINDOW_PANE_RIGHT : SP_WINDOW_PANE_LEFT;
}

/* Shows @marker's other end in the pane beside @from, opening it if need
 * be, and flashes it there. */
static void
follow_marker (SpWindow           *self,
               SpWindowPane        from,
               const SpLinkMarker *marker)
{
  /* Copied: loading a document re-reads the markers */
  gint64 document_id = marker->other_document_id;
  int start = marker->other_start;
  int end = marker->other_end;
  SpWindowPane to;

  if (!self->side_by_side)
    {
      _sp_window_open_second_pane (self);
      from = SP_WINDOW_PANE_LEFT;
    }
  to = other_pane (from);

  if (!_sp_window_load_in_pane (self, to, document_id))
    return;

  sp_document_view_go_to_range (self->views[to], start, end, TRUE);
}

static void
follow_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  SpDocumentView *view = SP_WINDOW_ACTIVE_VIEW (self);
  g_autoptr(GPtrArray) markers = NULL;

  if (self->project == NULL)
    return;

  markers = sp_document_view_get_link_markers_at (view, sp_document_view_get_cursor_offset (view));
  if (markers->len == 0)
    {
      sp_window_add_toast (self, _("There is no link at the cursor"));
      return;
    }

  /* Several links: the first, in passage order */
  follow_marker (self, self->active_pane, g_ptr_array_index (markers, 0));
}

void
_sp_window_link_activated_cb (SpWindow       *self,
                              gint64          link_id,
                              int             start,
                              SpDocumentView *view)
{
  SpWindowPane pane = view == self->views[SP_WINDOW_PANE_RIGHT] ? SP_WINDOW_PANE_RIGHT : SP_WINDOW_PANE_LEFT;
  GPtrArray *markers = sp_document_view_get_link_markers (view);

  _sp_window_set_active_pane (self, pane);

  for (guint i = 0; markers != NULL && i < markers->len; i++)
    {
      SpLinkMarker *marker = g_ptr_array_index (markers, i);

      if (marker->link_id == link_id && marker->start == start)
        {
          follow_marker (self, pane, marker);
          return;
        }
    }
}

/* Linking */

static gboolean
get_passage (SpWindow       *self,
             SpDocumentView *view,
             const char     *nothing_selected,
             SpPassage      *passage)
{
  int start, end;

  if (!_sp_window_get_snapped_selection (self, view, nothing_selected, &start, &end))
    return FALSE;

  passage->document_id = sp_document_view_get_document_id (view);
  passage->start = start;
  passage->end = end;
  return TRUE;
}

static char *
passage_text (SpWindow        *self,
              SpWindowPane     pane,
              const SpPassage *passage)
{
  return sp_document_view_get_text_range (self->views[pane], (int) passage->start, (int) passage->end);
}

static void
link_passages_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  SpWindowPane here = self->active_pane;
  SpWindowPane there = other_pane (here);
  g_autofree char *here_text = NULL;
  g_autofree char *there_text = NULL;

  if (self->project == NULL)
    return;

  if (sp_project_is_read_only (self->project))
    {
      sp_window_add_toast (self, _("This project is open read-only: passages cannot be linked"));
      return;
    }

  if (!self->side_by_side)
    {
      sp_window_add_toast (self, _("Show two documents side by side, then select a passage in each to link them"));
      return;
    }

  if (!get_passage (self, self->views[here], _("Select a passage in this pane to link"), &self->link_here) ||
      !get_passage (self, self->views[there], _("Select a passage in the other pane too"), &self->link_there))
    return;

  if (self->link_here.document_id == self->link_there.document_id &&
      self->link_here.start == self->link_there.start &&
      self->link_here.end == self->link_there.end)
    {
      sp_window_add_toast (self, _("Both panes have the same passage selected: a passage cannot be linked to itself"));
      return;
    }

  here_text = passage_text (self, here, &self->link_here);
  there_text = passage_text (self, there, &self->link_there);
  sp_link_popover_setup (self->link_popover, here_text, there_text);
  _sp_window_move_popover (GTK_POPOVER (self->link_popover), self->views[here]);
  sp_document_view_popup_at_range (self->views[here], GTK_POPOVER (self->link_popover),
                                   (int) self->link_here.start, (int) self->link_here.end);
}

static void
link_chosen_cb (SpWindow      *self,
                int            kind,
                SpLinkPopover *popover)
{
  gboolean swapped = sp_link_popover_get_swapped (popover);
  const SpPassage *source = swapped ? &self->link_there : &self->link_here;
  const SpPassage *target = swapped ? &self->link_here : &self->link_there;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;

  if (!sp_project_link_passages (self->project, source, target, (SpLinkKind) kind,
                                 NULL, NULL, NULL, &error))
    sp_window_add_toast (self, error->message);
}

static void
link_popover_closed_cb (SpWindow *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (SP_WINDOW_ACTIVE_VIEW (self))))
    gtk_widget_grab_focus (GTK_WIDGET (SP_WINDOW_ACTIVE_VIEW (self)));
}

void
_sp_window_class_links_init (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.link-passages", NULL, link_passages_action);
  gtk_widget_class_install_action (widget_class, "win.follow-link", NULL, follow_link_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.link-passages", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_ALT_MASK, "win.follow-link", NULL);
}

void
_sp_window_links_init (SpWindow *self)
{
  self->link_popover = SP_LINK_POPOVER (sp_link_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->link_popover), GTK_WIDGET (SP_WINDOW_ACTIVE_VIEW (self)));
  g_signal_connect_object (self->link_popover, "link", G_CALLBACK (link_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_popover, "closed", G_CALLBACK (link_popover_closed_cb), self, G_CONNECT_SWAPPED);
}

void
_sp_window_links_dispose (SpWindow *self)
{
  if (self->link_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->link_popover));
      self->link_popover = NULL;
    }
}
