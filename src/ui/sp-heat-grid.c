/* sp-heat-grid.c: a drawn, scrollable grid of counts and stance bars.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "sp-heat-grid.h"
#include "sp-stance-style.h"

#define CELL_WIDTH      56
#define CELL_HEIGHT     30
#define ROW_HEADING     200
/* Column names are written upwards: the heading grows with the longest
 * one up to this height, and only longer names are ellipsized */
#define MIN_COLUMN_HEADING  40
#define MAX_COLUMN_HEADING  300
#define BAR_HEIGHT      5
#define PADDING         6

struct _SpHeatGrid
{
  GtkWidget           parent_instance;

  GStrv               row_names;
  GStrv               column_names;
  guint               n_rows;
  guint               n_columns;
  SpHeatCellFunc      cell_func;
  SpHeatDescribeFunc  describe_func;
  gpointer            user_data;

  guint               cursor_row;
  guint               cursor_column;
  /* Whether a cell was activated: until then the cursor is drawn only
   * while the grid shows keyboard focus, so that nothing looks chosen */
  guint               cursor_chosen : 1;
  int                 column_heading;   /* height, from the longest name */

  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;
};

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (SpHeatGrid, sp_heat_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static double
adjustment_value (GtkAdjustment *adjustment)
{
  return adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
}

static void
fill_cell (SpHeatGrid *self,
           guint       row,
           guint       column,
           SpHeatCell *cell)
{
  memset (cell, 0, sizeof *cell);
  if (self->cell_func != NULL && row < self->n_rows && column < self->n_columns)
    self->cell_func (row, column, cell, self->user_data);
  cell->n_parts = MIN (cell->n_parts, SP_HEAT_CELL_MAX_PARTS);
}

static char *
describe_cell (SpHeatGrid *self,
               guint       row,
               guint       column)
{
  if (self->describe_func == NULL || row >= self->n_rows || column >= self->n_columns)
    return NULL;
  return self->describe_func (row, column, self->user_data);
}

/* Tells assistive technologies which cell the cursor is on: GTK 4.8 has
 * no accessible objects for drawn cells, so the grid describes its
 * current cell itself. */
static void
update_accessible_cursor (SpHeatGrid *self)
{
  g_autofree char *description = describe_cell (self, self->cursor_row, self->cursor_column);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

static void
scroll_to_cursor (SpHeatGrid *self)
{
  double x = (double) self->cursor_column * CELL_WIDTH;
  double y = (double) self->cursor_row * CELL_HEIGHT;

  if (self->hadjustment != NULL)
    gtk_adjustment_clamp_page (self->hadjustment, x, x + CELL_WIDTH);
  if (self->vadjustment != NULL)
    gtk_adjustment_clamp_page (self->vadjustment, y, y + CELL_HEIGHT);
}

static void
set_cursor (SpHeatGrid *self,
            guint       row,
            guint       column)
{
  if (self->n_rows == 0 || self->n_columns == 0)
    return;

  self->cursor_row = MIN (row, self->n_rows - 1);
  self->cursor_column = MIN (column, self->n_columns - 1);
  scroll_to_cursor (self);
  update_accessible_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Headings and cells: drawing */

/* Draws @text with @layout, whose width and alignment are set already */
static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             const char    *text,
             float          x,
             float          y,
             const GdkRGBA *color)
{
  pango_layout_set_text (layout, text, -1);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* A layout for one kind of text, @width pixels wide */
static PangoLayout *
layout_new (GtkWidget      *widget,
            int             width,
            PangoAlignment  alignment,
            int            *line_height)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, "0");

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_get_pixel_size (layout, NULL, line_height);
  return layout;
}

static void
snapshot_cell (SpHeatGrid  *self,
               GtkSnapshot *snapshot,
               PangoLayout *layout,
               guint        row,
               guint        column,
               int          line_height,
               float        x,
               float        y,
               const GdkRGBA *fg)
{
  SpHeatCell cell;
  guint total = 0;
  float bar_x;
  float bar_width;

  fill_cell (self, row, column, &cell);
  if (cell.text[0] == '\0')
    return;

  append_text (snapshot, layout, cell.text, x, y + (CELL_HEIGHT - BAR_HEIGHT - line_height) / 2.0f, fg);

  for (guint i = 0; i < cell.n_parts; i++)
    total += cell.part_counts[i];
  if (total == 0)
    return;

  bar_width = (CELL_WIDTH - 2 * PADDING) * CLAMP (cell.fill, 0.1, 1.0);
  bar_x = x + (CELL_WIDTH - bar_width) / 2;
  for (guint i = 0; i < cell.n_parts; i++)
    {
      float part = bar_width * cell.part_counts[i] / total;
      GdkRGBA rgba;

      if (part <= 0)
        continue;
      sp_stance_get_rgba (cell.part_stances[i], &rgba);
      gtk_snapshot_append_color (snapshot, &rgba,
                                 &GRAPHENE_RECT_INIT (bar_x, y + CELL_HEIGHT - BAR_HEIGHT - 3,
                                                      part, BAR_HEIGHT));
      bar_x += part;
    }
}

static void
sp_heat_grid_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SpHeatGrid *self = SP_HEAT_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double x0 = adjustment_value (self->hadjustment);
  double y0 = adjustment_value (self->vadjustment);
  int line_height;
  g_autoptr(PangoLayout) layout = layout_new (widget, CELL_WIDTH, PANGO_ALIGN_CENTER, &line_height);
  g_autoptr(PangoLayout) row_heading = layout_new (widget, ROW_HEADING - 2 * PADDING, PANGO_ALIGN_RIGHT, &line_height);
  g_autoptr(PangoLayout) column_heading = layout_new (widget, self->column_heading - 2 * PADDING, PANGO_ALIGN_LEFT, &line_height);
  GdkRGBA fg, stripe, accent, rule;
  guint first_row, last_row, first_column, last_column;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", &accent))
    accent = fg;
  stripe = fg;
  stripe.alpha = 0.04f;
  rule = fg;
  rule.alpha = 0.15f;

  first_row = (guint) (y0 / CELL_HEIGHT);
  last_row = MIN (self->n_rows, (guint) ((y0 + MAX (0, height - self->column_heading)) / CELL_HEIGHT) + 1);
  first_column = (guint) (x0 / CELL_WIDTH);
  last_column = MIN (self->n_columns, (guint) ((x0 + MAX (0, width - ROW_HEADING)) / CELL_WIDTH) + 1);

  /* Cells */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (ROW_HEADING, self->column_heading,
                                                         MAX (0, width - ROW_HEADING),
                                                         MAX (0, height - self->column_heading)));
  for (guint row = first_row; row < last_row; row++)
    {
      float y = self->column_heading + row * CELL_HEIGHT - y0;

      if (row % 2 == 1)
        gtk_snapshot_append_color (snapshot, &stripe,
                                   &GRAPHENE_RECT_INIT (ROW_HEADING, y, self->n_columns * CELL_WIDTH - x0,
                                                        CELL_HEIGHT));
      for (guint column = first_column; column < last_column; column++)
        snapshot_cell (self, snapshot, layout, row, column, line_height,
                       ROW_HEADING + column * CELL_WIDTH - x0, y, &fg);
    }
  for (guint column = first_column; column <= last_column; column++)
    gtk_snapshot_append_color (snapshot, &rule,
                               &GRAPHENE_RECT_INIT (ROW_HEADING + column * CELL_WIDTH - x0,
                                                    self->column_heading, 1,
                                                    self->n_rows * CELL_HEIGHT - y0));
  if (self->n_rows > 0 && self->n_columns > 0 &&
      (self->cursor_chosen || gtk_widget_has_visible_focus (widget)))
    {
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { accent, accent, accent, accent };
      GskRoundedRect outline;

      if (!gtk_widget_has_visible_focus (widget))
        for (guint i = 0; i < 4; i++)
          colors[i].alpha = 0.5f;
      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (ROW_HEADING + self->cursor_column * CELL_WIDTH - x0,
                                                            self->column_heading + self->cursor_row * CELL_HEIGHT - y0,
                                                            CELL_WIDTH, CELL_HEIGHT),
                                       3);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
  gtk_snapshot_pop (snapshot);

  /* Row headings, kept at the left */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, self->column_heading, ROW_HEADING,
                                                         MAX (0, height - self->column_heading)));
  for (guint row = first_row; row < last_row; row++)
    append_text (snapshot, row_heading, self->row_names[row], PADDING,
                 self->column_heading + row * CELL_HEIGHT - y0 + (CELL_HEIGHT - line_height) / 2.0f, &fg);
  gtk_snapshot_pop (snapshot);

  /* Column headings, kept at the top, written upwards */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (ROW_HEADING, 0, MAX (0, width - ROW_HEADING),
                                                         self->column_heading));
  for (guint column = first_column; column < last_column; column++)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (ROW_HEADING + column * CELL_WIDTH - x0
                                                    + (CELL_WIDTH - line_height) / 2.0f,
                                                    self->column_heading - PADDING));
      gtk_snapshot_rotate (snapshot, -90);
      append_text (snapshot, column_heading, self->column_names[column], 0, 0, &fg);
      gtk_snapshot_restore (snapshot);
    }
  gtk_snapshot_pop (snapshot);
}

/* Size and scrolling */

/* Tall enough for the longest column name, written upwards */
static int
measure_column_heading (SpHeatGrid *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  int longest = 0;

  for (guint column = 0; column < self->n_columns; column++)
    {
      int width;

      pango_layout_set_text (layout, self->column_names[column], -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      longest = MAX (longest, width);
    }
  return CLAMP (longest + 2 * PADDING, MIN_COLUMN_HEADING, MAX_COLUMN_HEADING);
}

static void
sp_heat_grid_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SpHeatGrid *self = SP_HEAT_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = ROW_HEADING + CELL_WIDTH;
      *natural = ROW_HEADING + MAX (1, self->n_columns) * CELL_WIDTH;
    }
  else
    {
      /* Measured here, as a new font or new names always relayout */
      self->column_heading = measure_column_heading (self);
      *minimum = self->column_heading + CELL_HEIGHT;
      *natural = self->column_heading + MAX (1, self->n_rows) * CELL_HEIGHT;
    }
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         page,
                      double         step)
{
  double value;

  if (adjustment == NULL)
    return;
  page = MAX (page, 0);
  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (0, content - page));
  gtk_adjustment_configure (adjustment, value, 0, MAX (content, page), step, page * 0.9, page);
}

static void
sp_heat_grid_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  SpHeatGrid *self = SP_HEAT_GRID (widget);

  configure_adjustment (self->hadjustment, (double) self->n_columns * CELL_WIDTH,
                        width - ROW_HEADING, CELL_WIDTH);
  configure_adjustment (self->vadjustment, (double) self->n_rows * CELL_HEIGHT,
                        height - self->column_heading, CELL_HEIGHT);
}

static void
set_adjustment (SpHeatGrid     *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, gtk_widget_queue_draw, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Where a point falls; FALSE on the headings. */
static gboolean
cell_at (SpHeatGrid *self,
         double      x,
         double      y,
         guint      *row,
         guint      *column)
{
  double cx = x - ROW_HEADING + adjustment_value (self->hadjustment);
  double cy = y - self->column_heading + adjustment_value (self->vadjustment);

  if (x < ROW_HEADING || y < self->column_heading || cx < 0 || cy < 0)
    return FALSE;
  *row = (guint) (cy / CELL_HEIGHT);
  *column = (guint) (cx / CELL_WIDTH);
  return *row < self->n_rows && *column < self->n_columns;
}

/* Input */

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SpHeatGrid      *self)
{
  guint row, column;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (cell_at (self, x, y, &row, &column))
    sp_heat_grid_activate_cell (self, row, column);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SpHeatGrid            *self)
{
  int rows_per_page = MAX (1, (gtk_widget_get_height (GTK_WIDGET (self)) - self->column_heading) / CELL_HEIGHT);
  int row = self->cursor_row;
  int column = self->cursor_column;

  if (self->n_rows == 0 || self->n_columns == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up:         row--; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:     row++; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:     column--; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:   column++; break;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:     row -= rows_per_page; break;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down: row += rows_per_page; break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      column = 0;
      if (state & GDK_CONTROL_MASK)
        row = 0;
      break;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      column = self->n_columns - 1;
      if (state & GDK_CONTROL_MASK)
        row = self->n_rows - 1;
      break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      sp_heat_grid_activate_cell (self, self->cursor_row, self->cursor_column);
      return TRUE;
    default:
      return FALSE;
    }

  set_cursor (self, CLAMP (row, 0, (int) self->n_rows - 1), CLAMP (column, 0, (int) self->n_columns - 1));
  return TRUE;
}

/* The cursor is drawn only with visible focus until a cell is chosen */
static void
focus_changed_cb (SpHeatGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
sp_heat_grid_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_tooltip,
                            GtkTooltip *tooltip)
{
  SpHeatGrid *self = SP_HEAT_GRID (widget);
  g_autofree char *text = NULL;
  guint row, column;

  if (keyboard_tooltip)
    {
      row = self->cursor_row;
      column = self->cursor_column;
    }
  else if (!cell_at (self, x, y, &row, &column))
    return FALSE;

  text = describe_cell (self, row, column);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* GObject */

static void
sp_heat_grid_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpHeatGrid *self = SP_HEAT_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT: g_value_set_object (value, self->hadjustment); break;
    case PROP_VADJUSTMENT: g_value_set_object (value, self->vadjustment); break;
    case PROP_HSCROLL_POLICY: g_value_set_enum (value, self->hscroll_policy); break;
    case PROP_VSCROLL_POLICY: g_value_set_enum (value, self->vscroll_policy); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_heat_grid_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpHeatGrid *self = SP_HEAT_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT: set_adjustment (self, &self->hadjustment, g_value_get_object (value)); break;
    case PROP_VADJUSTMENT: set_adjustment (self, &self->vadjustment, g_value_get_object (value)); break;
    case PROP_HSCROLL_POLICY: self->hscroll_policy = g_value_get_enum (value); break;
    case PROP_VSCROLL_POLICY: self->vscroll_policy = g_value_get_enum (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_heat_grid_dispose (GObject *object)
{
  SpHeatGrid *self = SP_HEAT_GRID (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, gtk_widget_queue_draw, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, gtk_widget_queue_draw, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->row_names, g_strfreev);
  g_clear_pointer (&self->column_names, g_strfreev);

  G_OBJECT_CLASS (sp_heat_grid_parent_class)->dispose (object);
}

static void
sp_heat_grid_class_init (SpHeatGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sp_heat_grid_get_property;
  object_class->set_property = sp_heat_grid_set_property;
  object_class->dispose = sp_heat_grid_dispose;
  widget_class->snapshot = sp_heat_grid_snapshot;
  widget_class->measure = sp_heat_grid_measure;
  widget_class->size_allocate = sp_heat_grid_size_allocate;
  widget_class->query_tooltip = sp_heat_grid_query_tooltip;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "heatgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
sp_heat_grid_init (SpHeatGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->row_names = g_new0 (char *, 1);
  self->column_names = g_new0 (char *, 1);
  self->column_heading = MIN_COLUMN_HEADING;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  /* The bars take lighter colours in the dark style */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sp_heat_grid_new (void)
{
  return g_object_new (SP_TYPE_HEAT_GRID, NULL);
}

void
sp_heat_grid_set_data (SpHeatGrid         *self,
                       const char * const *row_names,
                       const char * const *column_names,
                       SpHeatCellFunc      cell_func,
                       SpHeatDescribeFunc  describe_func,
                       gpointer            user_data)
{
  g_return_if_fail (SP_IS_HEAT_GRID (self));
  g_return_if_fail (row_names != NULL && column_names != NULL);

  g_strfreev (self->row_names);
  g_strfreev (self->column_names);
  self->row_names = g_strdupv ((char **) row_names);
  self->column_names = g_strdupv ((char **) column_names);
  self->n_rows = g_strv_length (self->row_names);
  self->n_columns = g_strv_length (self->column_names);
  self->cell_func = cell_func;
  self->describe_func = describe_func;
  self->user_data = user_data;
  self->cursor_row = self->n_rows > 0 ? MIN (self->cursor_row, self->n_rows - 1) : 0;
  self->cursor_column = self->n_columns > 0 ? MIN (self->cursor_column, self->n_columns - 1) : 0;

  update_accessible_cursor (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
sp_heat_grid_get_n_rows (SpHeatGrid *self)
{
  g_return_val_if_fail (SP_IS_HEAT_GRID (self), 0);
  return self->n_rows;
}

guint
sp_heat_grid_get_n_columns (SpHeatGrid *self)
{
  g_return_val_if_fail (SP_IS_HEAT_GRID (self), 0);
  return self->n_columns;
}

gboolean
sp_heat_grid_get_cursor (SpHeatGrid *self,
                         guint      *row,
                         guint      *column)
{
  g_return_val_if_fail (SP_IS_HEAT_GRID (self), FALSE);

  if (row != NULL)
    *row = self->cursor_row;
  if (column != NULL)
    *column = self->cursor_column;
  return self->n_rows > 0 && self->n_columns > 0;
}

void
sp_heat_grid_activate_cell (SpHeatGrid *self,
                            guint       row,
                            guint       column)
{
  g_return_if_fail (SP_IS_HEAT_GRID (self));
  g_return_if_fail (row < self->n_rows && column < self->n_columns);

  self->cursor_chosen = TRUE;
  set_cursor (self, row, column);
  g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, column);
}

char *
sp_heat_grid_dup_cell_text (SpHeatGrid *self,
                            guint       row,
                            guint       column)
{
  SpHeatCell cell;

  g_return_val_if_fail (SP_IS_HEAT_GRID (self), NULL);

  fill_cell (self, row, column, &cell);
  return g_strdup (cell.text);
}

char *
sp_heat_grid_dup_cell_description (SpHeatGrid *self,
                                   guint       row,
                                   guint       column)
{
  g_return_val_if_fail (SP_IS_HEAT_GRID (self), NULL);

  return describe_cell (self, row, column);
}

void
sp_heat_grid_set_cursor (SpHeatGrid *self,
                         guint       row,
                         guint       column)
{
  g_return_if_fail (SP_IS_HEAT_GRID (self));
  g_return_if_fail (row < self->n_rows && column < self->n_columns);

  set_cursor (self, row, column);
}

int
sp_heat_grid_get_column_heading_height (SpHeatGrid *self)
{
  g_return_val_if_fail (SP_IS_HEAT_GRID (self), 0);

  return measure_column_heading (self);
}
