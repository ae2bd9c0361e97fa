/* concord-demo.h — demonstration cases shipped with the program, and
 * synthetic cases for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concord-store.h"

G_BEGIN_DECLS

/* Loads the demonstration cases bundled in the program (written from the
 * situations mediation rooms live through: a fire between tenant, landlord
 * and neighbour; square dancing; a night-market fight; unpaid goods; a
 * stairwell camera; a family dispute; a mediation that fails), with the
 * station's demo settings and team, each case carried through its sessions
 * as far as its story goes, everything stamped at the story's times, in
 * one transaction. Loading twice adds nothing the second time. @n_added
 * (optional) receives the number of cases added. */
gboolean concord_demo_load (ConcordStore *store,
                            const char   *actor,
                            guint        *n_added,
                            GError      **error);

/* Adds @n synthetic but realistic cases (random parties, phones, valid ID
 * numbers, facts from category-specific phrases) in batches, for
 * benchmarks. The same @seed gives the same cases. @progress (optional) is
 * called every 10,000 cases. */
gboolean concord_generate_cases (ConcordStore *store,
                                 guint         n,
                                 guint32       seed,
                                 void        (*progress) (guint done, guint total, gpointer data),
                                 gpointer      progress_data,
                                 GError      **error);

G_END_DECLS
