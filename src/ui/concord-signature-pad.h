/* concord-signature-pad.h — the surface a signer writes on
 *
 * Draws with the mouse, a touch screen or a pen tablet: GtkGestureStylus
 * gives the pen's pressure where the device reports it, GtkGestureDrag
 * the mouse and touch (pressure 0.5). Points are kept in pad units
 * (CONCORD_SIGNATURE_PAD_WIDTH × _HEIGHT, concord-signature.h) whatever
 * the widget's size, with their time; the strokes are drawn as they come,
 * the line width following pressure, over a faint baseline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "concord-core.h"

G_BEGIN_DECLS

#define CONCORD_TYPE_SIGNATURE_PAD (concord_signature_pad_get_type ())
G_DECLARE_FINAL_TYPE (ConcordSignaturePad, concord_signature_pad, CONCORD, SIGNATURE_PAD, GtkWidget)

GtkWidget        *concord_signature_pad_new (void);

/* Removes every stroke / the last one. Both emit "changed". */
void              concord_signature_pad_clear (ConcordSignaturePad *self);
void              concord_signature_pad_undo (ConcordSignaturePad *self);
gboolean          concord_signature_pad_is_empty (ConcordSignaturePad *self);
guint             concord_signature_pad_count_strokes (ConcordSignaturePad *self);

/* The strokes as a new pad signature (method CONCORD_SIGNATURE_METHOD_PAD,
 * strokes in pad units, times from the first point); signer and
 * agreement left for the caller. */
ConcordSignature *concord_signature_pad_dup_signature (ConcordSignaturePad *self);

/* What the gestures call, in widget coordinates, with the event time in
 * milliseconds; public so tests can write a signature the way a pen does.
 * Each emits "changed" at the end of a stroke. */
void              concord_signature_pad_begin_stroke (ConcordSignaturePad *self,
                                                      double               x,
                                                      double               y,
                                                      double               pressure,
                                                      guint32              time_ms);
void              concord_signature_pad_add_point (ConcordSignaturePad *self,
                                                   double               x,
                                                   double               y,
                                                   double               pressure,
                                                   guint32              time_ms);
void              concord_signature_pad_end_stroke (ConcordSignaturePad *self);

G_END_DECLS
