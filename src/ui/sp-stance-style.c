/* sp-stance-style.c: stance badges and colours for the compare views
 * (their names come from sp_stance_get_label() in core).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sp-compare.h"
#include "sp-stance-style.h"

/* GNOME palette colours: the darker shade on light backgrounds, the
 * lighter one on dark backgrounds, so bars keep their contrast in both. */
static const char *stance_colors[SP_N_STANCES][2] = {
  [SP_STANCE_NONE]     = { "#9a9996", "#77767b" },
  [SP_STANCE_SUPPORTS] = { "#26a269", "#57e389" },
  [SP_STANCE_OPPOSES]  = { "#c01c28", "#ff7b63" },
  [SP_STANCE_MIXED]    = { "#c64600", "#ffa348" },
  [SP_STANCE_NEUTRAL]  = { "#1c71d8", "#99c1f1" },
  [SP_STANCE_UNCLEAR]  = { "#813d9c", "#dc8add" },
};

void
sp_stance_get_rgba (SpStance  stance,
                    GdkRGBA  *rgba)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if ((guint) stance >= SP_N_STANCES)
    stance = SP_STANCE_NONE;
  gdk_rgba_parse (rgba, stance_colors[stance][dark ? 1 : 0]);
}

GtkWidget *
sp_stance_badge_new (SpStance stance)
{
  const char *label = stance != SP_STANCE_NONE ? sp_stance_get_label (stance) : NULL;
  GtkWidget *badge = gtk_label_new (label);

  gtk_widget_add_css_class (badge, "sp-stance-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  if (label == NULL)
    {
      gtk_widget_set_visible (badge, FALSE);
      return badge;
    }

  {
    g_autofree char *css = g_strdup_printf ("sp-stance-%s", sp_stance_to_string (stance));

    gtk_widget_add_css_class (badge, css);
  }
  return badge;
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  GdkRGBA rgba;

  sp_stance_get_rgba (GPOINTER_TO_INT (user_data), &rgba);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

GtkWidget *
sp_stance_legend_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (box, "sp-stance-legend");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stance colours"),
                                  -1);
  for (SpStance stance = SP_STANCE_SUPPORTS; stance <= SP_STANCE_UNCLEAR; stance++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *swatch = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                      GINT_TO_POINTER (stance), NULL);
      /* Redraw the swatches when the style turns dark or light */
      g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                               G_CALLBACK (gtk_widget_queue_draw), swatch, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (item), swatch);
      gtk_box_append (GTK_BOX (item), gtk_label_new (sp_stance_get_label (stance)));
      gtk_box_append (GTK_BOX (box), item);
    }
  return box;
}

char *
sp_stance_describe_counts (const guint *n_by_stance)
{
  GString *text = g_string_new (NULL);

  /* The stances first, passages without one last */
  for (guint i = 1; i <= SP_N_STANCES; i++)
    {
      SpStance stance = i % SP_N_STANCES;
      const char *label = sp_stance_get_label (stance);

      if (n_by_stance[stance] == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, _(", "));
      /* Translators: a stance and its number of passages, "Supports: 2" */
      g_string_append_printf (text, _("%s: %u"), label, n_by_stance[stance]);
    }
  return g_string_free (text, FALSE);
}
