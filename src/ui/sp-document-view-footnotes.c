/* sp-document-view-footnotes.c: following footnotes and links, flashing
 * where a jump landed, and the navigation history (back).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "sp-annotations.h"
#include "sp-document-view-private.h"

/* Flashing a range to show where a jump landed */

void
_sp_document_view_flash_stop (SpDocumentView *self)
{
  GtkTextIter start, end;

  g_clear_handle_id (&self->flash_timeout_id, g_source_remove);
  self->flash_waiting = FALSE;
  if (self->flash_animation != NULL)
    adw_animation_reset (self->flash_animation);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self->buffer), self->flash_tag, &start, &end);
  g_object_set (self->flash_tag, "background-rgba", &self->flash_color, NULL);
}

void
_sp_document_view_flash_animation_value_cb (double   value,
                                            gpointer user_data)
{
  SpDocumentView *self = user_data;
  GdkRGBA color = self->flash_color;

  color.alpha *= value;
  g_object_set (self->flash_tag, "background-rgba", &color, NULL);
}

void
_sp_document_view_flash_animation_done_cb (SpDocumentView *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self->buffer), self->flash_tag, &start, &end);
  g_object_set (self->flash_tag, "background-rgba", &self->flash_color, NULL);
}

static void
flash_fade_cb (gpointer user_data)
{
  SpDocumentView *self = user_data;

  self->flash_timeout_id = 0;
  adw_animation_play (self->flash_animation);
}

/* Lights [start, end) up; it stays lit until flash_hold() lets it fade,
 * which a jump does once the passage is on screen. */
static void
flash_range (SpDocumentView *self,
             int             start,
             int             end)
{
  GtkTextIter start_iter, end_iter;

  _sp_document_view_flash_stop (self);

  if (end <= start)
    return;

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &end_iter, end);
  gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (self->buffer), self->flash_tag, &start_iter, &end_iter);
  self->flash_waiting = TRUE;
}

/* The flash is held for FLASH_HOLD_MS from now, then fades. */
static void
flash_hold (SpDocumentView *self)
{
  if (!self->flash_waiting)
    return;

  self->flash_waiting = FALSE;
  self->flash_timeout_id = g_timeout_add_once (FLASH_HOLD_MS, flash_fade_cb, self);
}

/* Navigation */

static int
cursor_offset (SpDocumentView *self)
{
  GtkTextIter iter;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

int
sp_document_view_get_cursor_offset (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), 0);

  return cursor_offset (self);
}

void
_sp_document_view_update_back_action (SpDocumentView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.go-back", self->back_stack->len > 0);
  _sp_document_view_notify (self, PROP_CAN_GO_BACK);
}

static void
push_back (SpDocumentView *self,
           int             offset)
{
  g_array_append_val (self->back_stack, offset);
  _sp_document_view_update_back_action (self);
}

/* A jump keeps its target on screen until the text above it is measured:
 * its height unchanged for SCROLL_SETTLE_TICKS frames in a row (the view
 * measures a chunk every frame or two), or SCROLL_MAX_US at most. */
#define SCROLL_SETTLE_TICKS 12
#define SCROLL_MAX_US       (8 * G_USEC_PER_SEC)

static gboolean
insert_is_visible (SpDocumentView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GdkRectangle visible, location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &location);

  return visible.height > 0 &&
         location.y >= visible.y &&
         location.y + location.height <= visible.y + visible.height;
}

#define SCROLL_YALIGN       0.3

static void
scroll_to_insert (SpDocumentView *self)
{
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->source_view),
                                gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer)),
                                0.0, TRUE, 0.0, SCROLL_YALIGN);
}

/* Puts the cursor where scroll_to_insert() would, but at once. The text
 * view measures a new text in idle chunks from the top, and a line not
 * measured yet counts as 0 pixels high: each chunk measured above a jump's
 * target pushes it down, off screen, while the view's own (queued) scroll
 * waits for the chunks to be done, which takes seconds in a long text. */
static void
place_insert_now (SpDocumentView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GdkRectangle location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &location);
  gtk_adjustment_set_value (vadjustment,
                            location.y - gtk_adjustment_get_page_size (vadjustment) * SCROLL_YALIGN);
}

/* The text view's height changed (a chunk measured, the window resized)
 * while a jump settles: the target is put back on screen before the frame
 * is drawn, so it never leaves the screen. */
void
_sp_document_view_vadjustment_changed_cb (SpDocumentView *self)
{
  if (self->scroll_tick_id != 0 && !insert_is_visible (self))
    place_insert_now (self);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  SpDocumentView *self = user_data;
  double upper = gtk_adjustment_get_upper (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->source_view)));

  if (!insert_is_visible (self))
    {
      self->scroll_settled = 0;
      place_insert_now (self);
      scroll_to_insert (self);
    }
  else
    {
      /* On screen, and kept there from now on: only now does the flash's
       * time start, so the reader sees it whole */
      flash_hold (self);
      self->scroll_settled = upper == self->scroll_upper ? self->scroll_settled + 1 : 0;
    }
  self->scroll_upper = upper;

  if (self->scroll_settled >= SCROLL_SETTLE_TICKS ||
      gdk_frame_clock_get_frame_time (frame_clock) > self->scroll_deadline)
    {
      flash_hold (self);
      self->scroll_tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

void
_sp_document_view_stop_scrolling (SpDocumentView *self)
{
  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->source_view), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
}

/* The reader scrolls away from a jump's target: let them. */
void
_sp_document_view_user_scrolled (SpDocumentView *self)
{
  if (self->scroll_tick_id == 0)
    return;

  _sp_document_view_stop_scrolling (self);
  flash_hold (self);
}

/* Where the reader is: the cursor if it is on screen, else the text a
 * third of the way down the view (where a jump back puts it again). */
static int
reading_position (SpDocumentView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  GdkRectangle visible;
  GtkTextIter iter;

  if (insert_is_visible (self))
    return cursor_offset (self);

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &iter, visible.x, visible.y + visible.height * 3 / 10);
  return gtk_text_iter_get_offset (&iter);
}

void
sp_document_view_go_to_range (SpDocumentView *self,
                              int             start,
                              int             end,
                              gboolean        remember)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));

  buffer = GTK_TEXT_BUFFER (self->buffer);

  if (remember)
    push_back (self, reading_position (self));

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  gtk_text_buffer_place_cursor (buffer, &iter);
  flash_range (self, start, end);
  scroll_to_insert (self);

  self->scroll_settled = 0;
  self->scroll_upper = -1;
  self->scroll_deadline = g_get_monotonic_time () + SCROLL_MAX_US;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->source_view)))
    {
      /* Not on screen at all: no frames to wait for */
      _sp_document_view_stop_scrolling (self);
      flash_hold (self);
    }
  else if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->source_view),
                                                         scroll_tick_cb, self, NULL);
}

gboolean
sp_document_view_follow_footnote_at_offset (SpDocumentView *self,
                                            int             offset)
{
  SpSegmentInfo *ref;
  SpSegmentInfo *note;

  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  /* From a reference to its footnote */
  if ((ref = _sp_document_view_find_segment_at (self, SP_SEGMENT_FOOTNOTE_REF, offset)) != NULL)
    {
      note = _sp_document_view_segment_by_ordinal (self, ref->target_ordinal);
      if (note == NULL)
        return FALSE;

      push_back (self, ref->start);
      sp_document_view_go_to_range (self, note->start, note->end, FALSE);
      return TRUE;
    }

  /* From a footnote's number back to the reference */
  if ((note = _sp_document_view_find_segment_at (self, SP_SEGMENT_FOOTNOTE, offset)) != NULL &&
      offset < _sp_document_view_footnote_number_end (self, note))
    {
      int note_ordinal = note->ordinal;

      /* Back to the reference the reader came from, if they did */
      if (self->back_stack->len > 0)
        {
          int last = g_array_index (self->back_stack, int, self->back_stack->len - 1);
          SpSegmentInfo *last_ref = _sp_document_view_find_segment_at (self, SP_SEGMENT_FOOTNOTE_REF, last);

          if (last_ref != NULL && last_ref->target_ordinal == note_ordinal)
            {
              g_array_set_size (self->back_stack, self->back_stack->len - 1);
              _sp_document_view_update_back_action (self);
              sp_document_view_go_to_range (self, last_ref->start, last_ref->end, FALSE);
              return TRUE;
            }
        }

      ref = _sp_document_view_segment_by_ordinal (self, note->target_ordinal);
      if (ref == NULL)
        return FALSE;

      push_back (self, note->start);
      sp_document_view_go_to_range (self, ref->start, ref->end, FALSE);
      return TRUE;
    }

  return FALSE;
}

gboolean
sp_document_view_go_back (SpDocumentView *self)
{
  SpSegmentInfo *ref;
  int offset;

  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->back_stack->len == 0)
    return FALSE;

  offset = g_array_index (self->back_stack, int, self->back_stack->len - 1);
  g_array_set_size (self->back_stack, self->back_stack->len - 1);
  _sp_document_view_update_back_action (self);

  ref = _sp_document_view_find_segment_at (self, SP_SEGMENT_FOOTNOTE_REF, offset);
  if (ref != NULL)
    sp_document_view_go_to_range (self, ref->start, ref->end, FALSE);
  else
    sp_document_view_go_to_range (self, offset, offset, FALSE);

  return TRUE;
}

gboolean
sp_document_view_can_go_back (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  return self->back_stack->len > 0;
}

gboolean
sp_document_view_next_turn_by (SpDocumentView *self,
                               gint64          stakeholder_id)
{
  SpSegmentInfo *first = NULL;
  SpSegmentInfo *next = NULL;
  SpSegmentInfo *speaker = NULL;
  int cursor;

  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->segments == NULL)
    return FALSE;

  cursor = cursor_offset (self);

  for (guint i = 0; i < self->segments->len; i++)
    {
      SpSegmentInfo *seg = g_ptr_array_index (self->segments, i);

      if (seg->kind != SP_SEGMENT_TURN || seg->stakeholder_id != stakeholder_id)
        continue;
      if (first == NULL)
        first = seg;
      if (seg->start > cursor)
        {
          next = seg;
          break;
        }
    }

  if (next == NULL)
    next = first;
  if (next == NULL)
    return FALSE;

  /* Highlight the speaker label line that opens the turn */
  for (guint i = 0; i < self->segments->len; i++)
    {
      SpSegmentInfo *seg = g_ptr_array_index (self->segments, i);

      if (seg->start >= next->end)
        break;
      if (seg->kind == SP_SEGMENT_SPEAKER && seg->start >= next->start)
        {
          speaker = seg;
          break;
        }
    }

  if (speaker != NULL)
    sp_document_view_go_to_range (self, next->start, speaker->end, TRUE);
  else
    sp_document_view_go_to_range (self, next->start, next->start, TRUE);

  return TRUE;
}

static void
open_link (SpDocumentView *self,
           SpSegmentInfo  *link)
{
  GtkRoot *root;

  if (link->href == NULL || g_uri_peek_scheme (link->href) == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, link->href, GDK_CURRENT_TIME);
}

/* Follows whatever is at @iter: a link, a footnote reference or number. */
static gboolean
activate_at_iter (SpDocumentView    *self,
                  const GtkTextIter *iter)
{
  int offset = gtk_text_iter_get_offset (iter);
  SpSegmentInfo *link;

  if (sp_document_view_follow_footnote_at_offset (self, offset))
    return TRUE;

  if ((link = _sp_document_view_find_segment_at (self, SP_SEGMENT_LINK, offset)) != NULL &&
      link->href != NULL && g_uri_peek_scheme (link->href) != NULL)
    {
      open_link (self, link);
      return TRUE;
    }

  return FALSE;
}

static gboolean
is_clickable_iter (SpDocumentView    *self,
                   const GtkTextIter *iter)
{
  int offset = gtk_text_iter_get_offset (iter);
  SpSegmentInfo *seg;

  if (_sp_document_view_find_segment_at (self, SP_SEGMENT_FOOTNOTE_REF, offset) != NULL)
    return TRUE;

  if ((seg = _sp_document_view_find_segment_at (self, SP_SEGMENT_FOOTNOTE, offset)) != NULL &&
      offset < _sp_document_view_footnote_number_end (self, seg))
    return TRUE;

  if ((seg = _sp_document_view_find_segment_at (self, SP_SEGMENT_LINK, offset)) != NULL &&
      seg->href != NULL && g_uri_peek_scheme (seg->href) != NULL)
    return TRUE;

  return FALSE;
}

gboolean
_sp_document_view_iter_at_widget_coords (SpDocumentView *self,
                                         double          x,
                                         double          y,
                                         GtkTextIter    *iter)
{
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->source_view),
                                         GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  return gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->source_view), iter, bx, by);
}

void
_sp_document_view_click_released_cb (GtkGestureClick *gesture,
                                     int              n_press,
                                     double           x,
                                     double           y,
                                     SpDocumentView  *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end, iter;

  g_assert (SP_IS_DOCUMENT_VIEW (self));

  if (n_press != 1)
    return;
  /* The user was selecting text, not following a reference */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;
  if (!_sp_document_view_iter_at_widget_coords (self, x, y, &iter))
    return;

  activate_at_iter (self, &iter);
}

void
_sp_document_view_back_button_pressed_cb (GtkGestureClick *gesture,
                                          int              n_press,
                                          double           x,
                                          double           y,
                                          SpDocumentView  *self)
{
  g_assert (SP_IS_DOCUMENT_VIEW (self));

  if (sp_document_view_go_back (self))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
set_pointer_over_link (SpDocumentView *self,
                       gboolean        over_link)
{
  if (self->pointer_over_link == over_link)
    return;

  self->pointer_over_link = over_link;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->source_view), over_link ? "pointer" : "text");
}

void
_sp_document_view_motion_cb (GtkEventControllerMotion *controller,
                             double                    x,
                             double                    y,
                             SpDocumentView           *self)
{
  GtkTextIter iter;

  g_assert (SP_IS_DOCUMENT_VIEW (self));

  set_pointer_over_link (self,
                         _sp_document_view_iter_at_widget_coords (self, x, y, &iter) &&
                         is_clickable_iter (self, &iter));
}

void
_sp_document_view_leave_cb (GtkEventControllerMotion *controller,
                            SpDocumentView           *self)
{
  set_pointer_over_link (self, FALSE);
}

gboolean
_sp_document_view_key_pressed_cb (GtkEventControllerKey *controller,
                                  guint                  keyval,
                                  guint                  keycode,
                                  GdkModifierType        state,
                                  SpDocumentView        *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter iter;

  g_assert (SP_IS_DOCUMENT_VIEW (self));

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (activate_at_iter (self, &iter))
    return GDK_EVENT_STOP;

  /* Enter just after a reference (the cursor stops after it when moving
   * with the arrow keys) follows it too. */
  if (gtk_text_iter_backward_char (&iter) && activate_at_iter (self, &iter))
    return GDK_EVENT_STOP;

  return GDK_EVENT_PROPAGATE;
}

char *
_sp_document_view_footnote_tooltip (SpDocumentView *self,
                                    SpSegmentInfo  *note)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  int number_end = _sp_document_view_footnote_number_end (self, note);

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &start, number_end);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &end,
                                      MIN (note->end, number_end + TOOLTIP_MAX_CHARS));
  text = g_strstrip (gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, FALSE));

  if (note->end > number_end + TOOLTIP_MAX_CHARS)
    return g_strdup_printf ("%s…", text);

  return g_steal_pointer (&text);
}
