/* sp-document-view-private.h: shared by sp-document-view.c,
 * sp-document-view-structure.c, sp-document-view-highlights.c and
 * sp-document-view-footnotes.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-document-gutter.h"
#include "sp-document-view.h"

G_BEGIN_DECLS

#define FLASH_HOLD_MS       900
#define FLASH_FADE_MS       700
#define ZOOM_MIN            0.5
#define ZOOM_MAX            3.0
#define ZOOM_STEP           1.1
/* Reading text is a little larger than the interface font. */
#define READING_FONT_SCALE  1.1
#define TOOLTIP_MAX_CHARS   500
#define TOC_MARGIN(level)   (20 + ((level) - 1) * 24)

struct _SpDocumentView
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scrolled_window;
  GtkSourceView     *source_view;

  GtkSourceBuffer   *buffer;
  GtkCssProvider    *css_provider;
  SpDocumentGutter  *gutter;

  gint64             document_id;
  char              *title;
  SpDocumentKind     kind;
  GPtrArray         *segments;   /* SpSegmentInfo, document order */

  GArray            *back_stack; /* int offsets */

  GtkTextTag        *flash_tag;
  GdkRGBA            flash_color;
  guint              flash_timeout_id;
  gboolean           flash_waiting;  /* lit, its hold not started yet */
  AdwAnimation      *flash_animation;

  /* Keeps a jump's target in view while the layout of the lines above it
   * is still being measured (they count as 0 pixels high until then). */
  guint              scroll_tick_id;
  guint              scroll_settled;  /* frames on screen, height unchanged */
  double             scroll_upper;
  gint64             scroll_deadline;  /* monotonic, µs */

  int                text_width;   /* for the table of contents' page numbers */

  double             zoom;
  gboolean           pointer_over_link;
  gboolean           underline_highlights;

  /* Annotations as highlights */
  GPtrArray         *annotations;     /* SpAnnotationInfo, reading order */
  GArray            *spans;           /* HighlightSpan, same order */
  GHashTable        *highlight_tags;  /* "#rrggbb" -> GtkTextTag (background) */
  GHashTable        *underline_tags;  /* "#rrggbb" -> GtkTextTag (underline) */
  GtkTextTag        *annotation_tag;

  /* Ends of links (sp-document-view-links.c) */
  GPtrArray         *link_markers;    /* SpLinkMarker, by start */
  GHashTable        *link_lines;      /* buffer line -> first SpLinkMarker on it */
  GtkTextTag        *linked_tag;
  GtkSourceGutterRenderer *link_gutter;
  GHashTable        *link_icon_ys;    /* buffer line -> buffer y of the display line its icon was last drawn beside */
  GdkPaintable      *link_icon;       /* in link_icon_color, the accent */
  GdkRGBA            link_icon_color;
};

enum {
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_TITLE,
  PROP_CAN_GO_BACK,
  PROP_ZOOM,
  PROP_UNDERLINE_HIGHLIGHTS,
  PROP_SHOW_PAGE_NUMBERS,
  N_PROPS
};

/* sp-document-view.c */
void _sp_document_view_notify (SpDocumentView *self,
                               guint           prop_id);

/* sp-document-view-structure.c */
SpSegmentInfo *_sp_document_view_segment_by_ordinal (SpDocumentView *self,
                                                     int             ordinal);
SpSegmentInfo *_sp_document_view_find_segment_at (SpDocumentView *self,
                                                  SpSegmentKind   kind,
                                                  int             offset);
int _sp_document_view_footnote_number_end (SpDocumentView *self,
                                           SpSegmentInfo  *note);
void _sp_document_view_create_tags (SpDocumentView *self);
void _sp_document_view_update_tabs (SpDocumentView *self);
void _sp_document_view_update_colors (SpDocumentView *self);
void _sp_document_view_update_font (SpDocumentView *self);

/* sp-document-view-highlights.c */
void _sp_document_view_update_highlight_colors (SpDocumentView *self);
gboolean _sp_document_view_query_tooltip_cb (GtkWidget      *widget,
                                             int             x,
                                             int             y,
                                             gboolean        keyboard_mode,
                                             GtkTooltip     *tooltip,
                                             SpDocumentView *self);

/* sp-document-view-links.c */
void _sp_document_view_links_init (SpDocumentView *self);
void _sp_document_view_links_dispose (SpDocumentView *self);
void _sp_document_view_links_class_init (GObjectClass *object_class);
char *_sp_document_view_link_tooltip (SpDocumentView *self,
                                      int             offset);
/* The margin's link icon, in the accent colour */
GdkPaintable *_sp_document_view_get_link_icon (SpDocumentView *self);

/* sp-document-view-footnotes.c */
void _sp_document_view_flash_stop (SpDocumentView *self);
void _sp_document_view_flash_animation_value_cb (double   value,
                                                 gpointer user_data);
void _sp_document_view_flash_animation_done_cb (SpDocumentView *self);
void _sp_document_view_update_back_action (SpDocumentView *self);
void _sp_document_view_stop_scrolling (SpDocumentView *self);
void _sp_document_view_vadjustment_changed_cb (SpDocumentView *self);
void _sp_document_view_user_scrolled (SpDocumentView *self);
gboolean _sp_document_view_iter_at_widget_coords (SpDocumentView *self,
                                                  double          x,
                                                  double          y,
                                                  GtkTextIter    *iter);
void _sp_document_view_click_released_cb (GtkGestureClick *gesture,
                                          int              n_press,
                                          double           x,
                                          double           y,
                                          SpDocumentView  *self);
void _sp_document_view_back_button_pressed_cb (GtkGestureClick *gesture,
                                               int              n_press,
                                               double           x,
                                               double           y,
                                               SpDocumentView  *self);
void _sp_document_view_motion_cb (GtkEventControllerMotion *controller,
                                  double                    x,
                                  double                    y,
                                  SpDocumentView           *self);
void _sp_document_view_leave_cb (GtkEventControllerMotion *controller,
                                 SpDocumentView           *self);
gboolean _sp_document_view_key_pressed_cb (GtkEventControllerKey *controller,
                                           guint                  keyval,
                                           guint                  keycode,
                                           GdkModifierType        state,
                                           SpDocumentView        *self);
char *_sp_document_view_footnote_tooltip (SpDocumentView *self,
                                          SpSegmentInfo  *note);

G_END_DECLS
