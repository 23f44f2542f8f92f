/* sp-document-view.c
 *
 * The text is the document's normalised text; its structure comes from the
 * project's segments and is drawn with one text tag per kind. Colours follow
 * the light or dark style (AdwStyleManager), sizes follow the desktop font
 * and the zoom level.
 *
 * This file holds the widget itself, its properties, selection helpers and
 * settings (zoom, highlight style, page numbers); see also
 * sp-document-view-structure.c, -highlights.c and -footnotes.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "sp-annotations.h"
#include "sp-document-view-private.h"

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SpDocumentView, sp_document_view, GTK_TYPE_WIDGET)

void
_sp_document_view_notify (SpDocumentView *self,
                          guint           prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Selection and popovers */

gboolean
sp_document_view_get_selection (SpDocumentView *self,
                                int            *start,
                                int            *end)
{
  GtkTextIter s, e;
  gboolean selected;

  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  selected = gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &s, &e);
  if (start != NULL)
    *start = gtk_text_iter_get_offset (&s);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&e);

  return selected;
}

SpSegmentInfo *
sp_document_view_get_turn_at (SpDocumentView *self,
                              int             offset)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return _sp_document_view_find_segment_at (self, SP_SEGMENT_TURN, offset);
}

char *
sp_document_view_get_text_range (SpDocumentView *self,
                                 int             start,
                                 int             end)
{
  GtkTextIter s, e;

  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &s, start);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &e, end);

  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &s, &e, FALSE);
}

void
sp_document_view_popup_at_range (SpDocumentView *self,
                                 GtkPopover     *popover,
                                 int             start,
                                 int             end)
{
  GtkTextView *view;
  GtkTextIter s, e;
  GdkRectangle a, b, rect;
  double x, y;

  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));
  g_return_if_fail (gtk_widget_get_parent (GTK_WIDGET (popover)) == GTK_WIDGET (self));

  view = GTK_TEXT_VIEW (self->source_view);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &s, start);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &e, MAX (start, end));
  gtk_text_view_get_iter_location (view, &s, &a);
  gtk_text_view_get_iter_location (view, &e, &b);

  /* Point at the passage's last line, or its first if it is one line */
  if (b.y > a.y)
    rect = (GdkRectangle) { b.x > 24 ? b.x - 24 : 0, b.y, MIN (b.x, 24) + 1, b.height };
  else
    rect = (GdkRectangle) { a.x, a.y, MAX (b.x - a.x, 1), a.height };

  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &rect.x, &rect.y);
  if (gtk_widget_translate_coordinates (GTK_WIDGET (view), GTK_WIDGET (self), rect.x, rect.y, &x, &y))
    {
      rect.x = (int) x;
      rect.y = (int) y;
    }

  /* Keep it inside the view if the passage is scrolled off */
  rect.x = CLAMP (rect.x, 0, MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - 1));
  rect.y = CLAMP (rect.y, 0, MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - rect.height));

  gtk_popover_set_pointing_to (popover, &rect);
  gtk_popover_popup (popover);
}

void
sp_document_view_select_range (SpDocumentView *self,
                               int             start,
                               int             end)
{
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));

  buffer = GTK_TEXT_BUFFER (self->buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  gtk_text_buffer_select_range (buffer, &s, &e);

  /* Scrolls only when the passage's start is out of view */
  {
    GdkRectangle visible, location;

    gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->source_view), &visible);
    gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self->source_view), &s, &location);
    if (location.y < visible.y || location.y + location.height > visible.y + visible.height)
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->source_view), &s, 0.0, TRUE, 0.0, 0.3);
  }
}

/* Highlight style and page numbers */

gboolean
sp_document_view_get_underline_highlights (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  return self->underline_highlights;
}

void
sp_document_view_set_underline_highlights (SpDocumentView *self,
                                           gboolean        underline_only)
{
  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));

  underline_only = !!underline_only;
  if (self->underline_highlights == underline_only)
    return;

  self->underline_highlights = underline_only;
  _sp_document_view_update_highlight_colors (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDERLINE_HIGHLIGHTS]);
}

gboolean
sp_document_view_get_show_page_numbers (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), FALSE);

  return sp_document_gutter_get_enabled (self->gutter);
}

void
sp_document_view_set_show_page_numbers (SpDocumentView *self,
                                        gboolean        show)
{
  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));

  if (sp_document_gutter_get_enabled (self->gutter) == !!show)
    return;

  sp_document_gutter_set_enabled (self->gutter, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PAGE_NUMBERS]);
}

GtkWidget *
sp_document_view_get_page_gutter (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return GTK_WIDGET (self->gutter);
}

/* Zoom */

double
sp_document_view_get_zoom (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), 1.0);

  return self->zoom;
}

void
sp_document_view_set_zoom (SpDocumentView *self,
                           double          zoom)
{
  g_return_if_fail (SP_IS_DOCUMENT_VIEW (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.001))
    return;

  self->zoom = zoom;
  _sp_document_view_update_font (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.zoom-in", zoom < ZOOM_MAX - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.zoom-out", zoom > ZOOM_MIN + 0.001);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (widget);

  sp_document_view_set_zoom (self, self->zoom * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (widget);

  sp_document_view_set_zoom (self, self->zoom / ZOOM_STEP);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  sp_document_view_set_zoom (SP_DOCUMENT_VIEW (widget), 1.0);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  sp_document_view_go_back (SP_DOCUMENT_VIEW (widget));
}

/* A text view puts its selection on the PRIMARY clipboard and drops it
 * when another view takes that clipboard: with two documents side by
 * side, selecting in one pane would unselect the other, and linking needs
 * a passage selected in each. Copying (Ctrl+C) still works. */
static void
source_view_realize_cb (GtkWidget      *source_view,
                        SpDocumentView *self)
{
  gtk_text_buffer_remove_selection_clipboard (GTK_TEXT_BUFFER (self->buffer),
                                              gtk_widget_get_primary_clipboard (source_view));
}

/* Given back just before the text view's own unrealize takes it away */
static void
source_view_unrealize_cb (GtkWidget      *source_view,
                          SpDocumentView *self)
{
  gtk_text_buffer_add_selection_clipboard (GTK_TEXT_BUFFER (self->buffer),
                                           gtk_widget_get_primary_clipboard (source_view));
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SpDocumentView           *self)
{
  _sp_document_view_user_scrolled (self);
  return GDK_EVENT_PROPAGATE;
}

/* GObject */

GtkWidget *
sp_document_view_new (void)
{
  return g_object_new (SP_TYPE_DOCUMENT_VIEW, NULL);
}

gint64
sp_document_view_get_document_id (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), 0);

  return self->document_id;
}

const char *
sp_document_view_get_title (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return self->title;
}

GtkSourceView *
sp_document_view_get_source_view (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return self->source_view;
}

GtkTextBuffer *
sp_document_view_get_buffer (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return GTK_TEXT_BUFFER (self->buffer);
}

GPtrArray *
sp_document_view_get_segments (SpDocumentView *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_VIEW (self), NULL);

  return self->segments;
}

static void
sp_document_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GTK_WIDGET_CLASS (sp_document_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* Popovers the window parents to the view (tagging) */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static gboolean
sp_document_view_grab_focus (GtkWidget *widget)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

static void
sp_document_view_dispose (GObject *object)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (object);

  g_clear_handle_id (&self->flash_timeout_id, g_source_remove);
  g_clear_object (&self->flash_animation);
  if (self->source_view != NULL)
    _sp_document_view_stop_scrolling (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_DOCUMENT_VIEW);

  g_clear_object (&self->buffer);
  g_clear_object (&self->css_provider);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->highlight_tags, g_hash_table_unref);
  g_clear_pointer (&self->underline_tags, g_hash_table_unref);
  _sp_document_view_links_dispose (self);

  G_OBJECT_CLASS (sp_document_view_parent_class)->dispose (object);
}

static void
sp_document_view_finalize (GObject *object)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->back_stack, g_array_unref);

  G_OBJECT_CLASS (sp_document_view_parent_class)->finalize (object);
}

static void
sp_document_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, sp_document_view_can_go_back (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_UNDERLINE_HIGHLIGHTS:
      g_value_set_boolean (value, self->underline_highlights);
      break;

    case PROP_SHOW_PAGE_NUMBERS:
      g_value_set_boolean (value, sp_document_view_get_show_page_numbers (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_document_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpDocumentView *self = SP_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      sp_document_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_UNDERLINE_HIGHLIGHTS:
      sp_document_view_set_underline_highlights (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_PAGE_NUMBERS:
      sp_document_view_set_show_page_numbers (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_document_view_class_init (SpDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_document_view_dispose;
  object_class->finalize = sp_document_view_finalize;
  object_class->get_property = sp_document_view_get_property;
  object_class->set_property = sp_document_view_set_property;

  widget_class->grab_focus = sp_document_view_grab_focus;
  widget_class->size_allocate = sp_document_view_size_allocate;

  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ZOOM_MIN, ZOOM_MAX, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNDERLINE_HIGHLIGHTS] =
    g_param_spec_boolean ("underline-highlights", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_PAGE_NUMBERS] =
    g_param_spec_boolean ("show-page-numbers", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
  _sp_document_view_links_class_init (object_class);

  g_type_ensure (ADW_TYPE_CLAMP_SCROLLABLE);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/standpoint/Standpoint/sp-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpDocumentView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentView, source_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentview");

  gtk_widget_class_install_action (widget_class, "view.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-reset", NULL, zoom_reset_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "view.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "view.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "view.zoom-reset", NULL);
}

static void
sp_document_view_init (SpDocumentView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkSourceGutter *gutter;

  self->zoom = 1.0;
  self->back_stack = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_highlight_syntax (self->buffer, FALSE);
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  /* No style scheme: the view takes its colours from the Adwaita style
   * sheet, light or dark, like any text view */
  gtk_source_buffer_set_style_scheme (self->buffer, NULL);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->source_view), GTK_TEXT_BUFFER (self->buffer));
  _sp_document_view_create_tags (self);
  self->annotation_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), SP_TAG_ANNOTATION, NULL);
  self->highlight_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->underline_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->gutter = SP_DOCUMENT_GUTTER (sp_document_gutter_new ());
  gutter = gtk_source_view_get_gutter (self->source_view, GTK_TEXT_WINDOW_LEFT);
  gtk_source_gutter_insert (gutter, GTK_SOURCE_GUTTER_RENDERER (self->gutter), 0);
  _sp_document_view_links_init (self);

  self->css_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->source_view)),
                                  GTK_STYLE_PROVIDER (self->css_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  _sp_document_view_update_font (self);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-font-name",
                           G_CALLBACK (_sp_document_view_update_font), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scrolled_window), "changed",
                           G_CALLBACK (_sp_document_view_update_tabs), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled_window), "changed",
                           G_CALLBACK (_sp_document_view_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);

  _sp_document_view_update_colors (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (_sp_document_view_update_colors), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (_sp_document_view_update_colors), self, G_CONNECT_SWAPPED);

  self->flash_animation =
    adw_timed_animation_new (GTK_WIDGET (self), 1.0, 0.0, FLASH_FADE_MS,
                             adw_callback_animation_target_new (_sp_document_view_flash_animation_value_cb, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->flash_animation), ADW_EASE_IN_QUAD);
  g_signal_connect_object (self->flash_animation, "done",
                           G_CALLBACK (_sp_document_view_flash_animation_done_cb), self, G_CONNECT_SWAPPED);

  /* Following references and links with the mouse and the keyboard */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (_sp_document_view_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->source_view), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 8); /* "back" mouse button */
  g_signal_connect (gesture, "pressed", G_CALLBACK (_sp_document_view_back_button_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (_sp_document_view_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (_sp_document_view_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->source_view), controller);

  /* Scrolling by hand ends a jump's keeping its target on screen */
  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "scroll-begin", G_CALLBACK (_sp_document_view_user_scrolled), self);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled_window), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (_sp_document_view_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->source_view), controller);

  g_signal_connect_after (self->source_view, "realize", G_CALLBACK (source_view_realize_cb), self);
  g_signal_connect (self->source_view, "unrealize", G_CALLBACK (source_view_unrealize_cb), self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->source_view), TRUE);
  g_signal_connect (self->source_view, "query-tooltip", G_CALLBACK (_sp_document_view_query_tooltip_cb), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.go-back", FALSE);

  self->segments = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_segment_info_free);
}
