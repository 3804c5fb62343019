<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AnalysisView</name>
    <message>
        <location filename="../widgets/analysis/AnalysisView.cpp" line="+42"/>
        <source>%1: no rows</source>
        <translation>%1: keine Zeilen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>STF target variance / DSM target variance (§3.4)</source>
        <translation>STF-Zielvarianz / DSM-Zielvarianz (§3.4)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+43"/>
        <location line="+1"/>
        <source>σ</source>
        <translation>σ</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>V_STF / V_DSM</source>
        <translation>V_STF / V_DSM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STF bias against the true score</source>
        <translation>STF-Bias gegenüber dem wahren Score</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RMS bias (score units)</source>
        <translation>RMS-Bias (Score-Einheiten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target variance, score units (%1)</source>
        <translation>Zielvarianz, Score-Einheiten (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E tr Cov[target | x]</source>
        <translation>E tr Cov[Ziel | x]</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Soft Truncation: densities (§2.2)</source>
        <translation>Soft Truncation: Dichten (§2.2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+5"/>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective weight in expectation over τ (§2.3)</source>
        <translation>Effektives Gewicht im Erwartungswert über τ (§2.3)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>λ(t)</source>
        <translation>λ(t)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>τ</source>
        <translation>τ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>t | median τ</source>
        <translation>t | Median τ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>λ_ST</source>
        <translation>λ_ST</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fixed ε</source>
        <translation>festes ε</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quantiles: empirical against analytic</source>
        <translation>Quantile: empirisch gegen analytisch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>analytic</source>
        <translation>analytisch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>empirical</source>
        <translation>empirisch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>τ </source>
        <translation>τ </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>t </source>
        <translation>t </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>y = x</source>
        <translation>y = x</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Per-noise-level loss (mean, mean ± std)</source>
        <translation>Verlust je Rauschniveau (Mittelwert, Mittelwert ± Std.-Abw.)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per-sample loss</source>
        <translation>Verlust pro Stichprobe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the total loss (and gradient)</source>
        <translation>Anteil am Gesamtverlust (und am Gradienten)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean + std</source>
        <translation>Mittelwert + Std.-Abw.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gradient</source>
        <translation>Gradient</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ELBO terms against the horizon T (§4.2)</source>
        <translation>ELBO-Terme gegen den Horizont T (§4.2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nats per point</source>
        <translation>nats pro Punkt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>KL[p_T ‖ N(0, I)]</source>
        <translation>KL[p_T ‖ N(0, I)]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KL[p_T ‖ auxiliary]</source>
        <translation>KL[p_T ‖ Hilfs-Prior]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gap G(θ, T)</source>
        <translation>Lücke G(θ, T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gap + KL, Gaussian prior</source>
        <translation>Lücke + KL, Gauß-Prior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gap + KL, auxiliary prior</source>
        <translation>Lücke + KL, Hilfs-Prior</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: has no %2 column like %3</source>
        <translation>%1: hat keine Spalte %2 wie %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>training step</source>
        <translation>Trainingsschritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>horizon T</source>
        <translation>Horizont T</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> + sd</source>
        <translation> + Std.-Abw.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> − sd</source>
        <translation> − Std.-Abw.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: not an output of scorescope-cli analyze stf, truncation, loss-scale or horizon, nor a table against step or T</source>
        <translation>%1: weder eine Ausgabe von scorescope-cli analyze stf, truncation, loss-scale oder horizon noch eine Tabelle gegen step oder T</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../widgets/charts/ChartPanel.cpp" line="+21"/>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save this panel as a PNG image</source>
        <translation>Diese Ansicht als PNG-Bild speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG</source>
        <translation>SVG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save this panel as an SVG drawing</source>
        <translation>Diese Ansicht als SVG-Zeichnung speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the numbers this panel plots as CSV</source>
        <translation>Die in dieser Ansicht dargestellten Zahlen als CSV speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../widgets/playground/Lessons.cpp" line="+8"/>
        <source>Why small t dominates the loss</source>
        <translation>Warum kleine t den Verlust dominieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Why small t dominates the loss.&lt;/b&gt; At t = 0.002 the kernel&apos;s s(t) is 0.015, and the DSM target −z/s has a norm of about √2/s ≈ 90 (the arrows show s² times a target). Likelihood weighting draws about 20 % of its times below t = 10⁻³ (THEORY.md §2.1), where the targets are larger still, so they dominate the gradient. Soft Truncation draws the lower limit τ afresh each batch, so the large-t score is trained too. At the probe, off the data, the nearest sample takes all the weight (near field, blue); drag the slider right and watch the regimes turn intermediate, then far.</source>
        <translation>&lt;b&gt;Warum kleine t den Verlust dominieren.&lt;/b&gt; Bei t = 0.002 ist s(t) des Kerns 0.015, und das DSM-Ziel −z/s hat eine Norm von etwa √2/s ≈ 90 (die Pfeile zeigen s² mal ein Ziel). Die Likelihood-Gewichtung zieht etwa 20 % ihrer Zeiten unterhalb von t = 10⁻³ (THEORY.md §2.1), wo die Ziele noch größer sind; daher dominieren sie den Gradienten. Soft Truncation zieht die untere Grenze τ in jedem Batch neu, sodass auch der Score bei großen t trainiert wird. An der Sonde, abseits der Daten, erhält die nächstgelegene Stichprobe das gesamte Gewicht (Nahfeld, blau); ziehen Sie den Schieberegler nach rechts und beobachten Sie, wie das Regime erst zum Zwischenregime und dann zum Fernfeld wechselt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Where targets disagree</source>
        <translation>Wo die Ziele auseinandergehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Where targets disagree.&lt;/b&gt; Half-way between two modes at σ ≈ 0.5 two data samples share the posterior: the intermediate regime (orange). The DSM target (red) points at the one sample y₁ that made x; the STF target (green) weighs a reference batch (dots, area ∝ weight) and lands next to the true score (white), with about 1/(n−1) of the variance (STF §3.4). Click other points, or move t: near a mode both agree, far out every weight is ≈ 1/n.</source>
        <translation>&lt;b&gt;Wo die Ziele auseinandergehen.&lt;/b&gt; Auf halbem Weg zwischen zwei Modi teilen sich bei σ ≈ 0.5 zwei Datenpunkte die Posterior-Verteilung: das Zwischenregime (orange). Das DSM-Ziel (rot) zeigt auf die eine Stichprobe y₁, aus der x entstanden ist; das STF-Ziel (grün) gewichtet einen Referenz-Batch (Punkte, Fläche ∝ Gewicht) und landet neben dem wahren Score (weiß), mit etwa 1/(n−1) der Varianz (STF §3.4). Klicken Sie auf andere Punkte oder verschieben Sie t: Nahe einem Modus stimmen beide überein, weit draußen ist jedes Gewicht ≈ 1/n.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What T buys</source>
        <translation>Was T bringt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;What T buys.&lt;/b&gt; Stopping the forward process at T = 0.2 instead of 1 leaves p_T visibly non-Gaussian (the ring is still there; KL[p_T‖N(0, I)] = 0.33 nats on ring8), so starting the reverse process from N(0, I) costs likelihood. But the score has 80 % less time to learn and the sampler to integrate. An auxiliary prior fitted to p_T closes the gap: on ring8 the NLL is 0.340 at T = 0.2 with it, 0.381 at T = 1 and 0.702 at T = 0.2 without it (docs/experiments/horizon.md, §4). Compare with t = 1.</source>
        <translation>&lt;b&gt;Was T bringt.&lt;/b&gt; Endet der Vorwärtsprozess bei T = 0.2 statt bei 1, ist p_T sichtbar nicht gaußsch (der Ring ist noch zu sehen; KL[p_T‖N(0, I)] = 0.33 nats auf ring8), sodass der Start des Rückwärtsprozesses bei N(0, I) Likelihood kostet. Dafür muss der Score auf einem um 80 % kürzeren Zeitintervall gelernt und vom Sampler integriert werden. Ein an p_T angepasster Hilfs-Prior schließt die Lücke: Auf ring8 beträgt die NLL mit ihm 0.340 bei T = 0.2, ohne ihn 0.381 bei T = 1 und 0.702 bei T = 0.2 (docs/experiments/horizon.md, §4). Vergleichen Sie mit t = 1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Samplers side by side</source>
        <translation>Sampler nebeneinander</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Samplers side by side.&lt;/b&gt; The same 2 000 particles, the same noise: Euler–Maruyama (left) and the probability-flow ODE with Heun&apos;s method (right), both on the exact score of ring8. Step through and watch the ODE move particles deterministically along the flow, while the SDE keeps shaking them; the energy distance to p_0 tells which is closer at each NFE.</source>
        <translation>&lt;b&gt;Sampler nebeneinander.&lt;/b&gt; Dieselben 2 000 Partikel, dasselbe Rauschen: Euler–Maruyama (links) und die Probability-Flow-ODE mit dem Heun-Verfahren (rechts), beide mit dem exakten Score von ring8. Gehen Sie schrittweise vor und beobachten Sie, wie die ODE die Partikel deterministisch entlang des Flusses bewegt, während die SDE sie ständig durchschüttelt; die Energiedistanz zu p_0 zeigt, welcher Sampler bei jeder NFE näher liegt.</translation>
    </message>
</context>
<context>
    <name>LossChartView</name>
    <message>
        <location filename="../widgets/charts/LossChartView.cpp" line="+17"/>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>smoothed</source>
        <translation>geglättet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
</context>
<context>
    <name>LossHeatmapView</name>
    <message>
        <location filename="../widgets/live/LossHeatmapView.cpp" line="+17"/>
        <source>Mean per-sample loss per σ bin and logging window; hover for values (Soft Truncation §2.1)</source>
        <translation>Mittlerer Verlust pro Stichprobe je σ-Bin und Protokollfenster; Werte beim Überfahren mit der Maus (Soft Truncation §2.1)</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Loss over training step × diffusion time</source>
        <translation>Verlust über Trainingsschritt × Diffusionszeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No per-σ bins logged yet</source>
        <translation>Noch keine σ-Bins protokolliert</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>t (σ bin)</source>
        <translation>t (σ-Bin)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>step %1, t ≈ %2 (σ ≈ %3): loss %4</source>
        <translation>Schritt %1, t ≈ %2 (σ ≈ %3): Verlust %4</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../widgets/MainWindow.cpp" line="+45"/>
        <source>Per-time loss, latest window (Soft Truncation §2.1)</source>
        <translation>Verlust je Zeit, letztes Fenster (Soft Truncation §2.1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per-sample loss</source>
        <translation>Verlust pro Stichprobe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target variance, latest logging step (STF §3.4)</source>
        <translation>Zielvarianz, letzter Protokollschritt (STF §3.4)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>σ</source>
        <translation>σ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E tr Cov[target | x]</source>
        <translation>E tr Cov[Ziel | x]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No run open</source>
        <translation>Kein Lauf geöffnet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scorescope</source>
        <translation>Scorescope</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ignore outliers</source>
        <translation>Ausreißer ignorieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scale the loss axis to the 2nd–98th percentile, so that spikes do not flatten the curve</source>
        <translation>Die Verlustachse auf das 2.–98. Perzentil skalieren, damit Spitzen die Kurve nicht abflachen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Run…</source>
        <translation>&amp;Neuer Lauf…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Configure a training run and start it in the background</source>
        <translation>Einen Trainingslauf konfigurieren und im Hintergrund starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Continue Run…</source>
        <translation>Lauf &amp;fortsetzen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume training a run directory from its checkpoint, exactly where it stopped</source>
        <translation>Das Training eines Laufverzeichnisses ab seinem Checkpoint fortsetzen, genau dort, wo es angehalten wurde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Run Directory…</source>
        <translation>Lauf&amp;verzeichnis öffnen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a run directory written by scorescope-cli train and follow it live</source>
        <translation>Ein von scorescope-cli train geschriebenes Laufverzeichnis öffnen und live verfolgen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hold training between two steps (the thread waits; nothing is lost)</source>
        <translation>Das Training zwischen zwei Schritten anhalten (der Thread wartet; nichts geht verloren)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue a paused run</source>
        <translation>Einen pausierten Lauf fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End training after a checkpoint; Continue Run picks it up again</source>
        <translation>Das Training nach einem Checkpoint beenden; „Lauf fortsetzen“ nimmt es wieder auf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;Checkpoint</source>
        <translation>&amp;Checkpoint speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write checkpoint.pt now (atomically: a temporary file, then a rename)</source>
        <translation>checkpoint.pt jetzt schreiben (atomar: erst eine temporäre Datei, dann Umbenennen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Playground and Step-through Sampling…</source>
        <translation>&amp;Playground und schrittweises Sampling…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit a 2-D mixture and watch diffusion, targets, regimes and samplers step by step</source>
        <translation>Eine 2-D-Mischverteilung bearbeiten und Diffusion, Ziele, Regime und Sampler Schritt für Schritt beobachten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The language changes when Scorescope starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Scorescope.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+32"/>
        <location line="+15"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>%1, %2 parameters</source>
        <translation>%1, %2 Parameter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fitting the auxiliary prior (%1) at T = %2 before the first step…</source>
        <translation>Hilfs-Prior (%1) wird vor dem ersten Schritt bei T = %2 angepasst …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoint saved at step %1</source>
        <translation>Checkpoint bei Schritt %1 gespeichert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finished at step %1</source>
        <translation>Bei Schritt %1 abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped at step %1; Continue Run resumes it</source>
        <translation>Bei Schritt %1 gestoppt; „Lauf fortsetzen“ setzt ihn fort</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Loss scale</source>
        <translation>Verlustskala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STF targets</source>
        <translation>STF-Ziele</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soft Truncation</source>
        <translation>Soft Truncation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss over training</source>
        <translation>Verlustverlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Target variance per σ bin, latest logging step (STF §3.4)</source>
        <translation>Zielvarianz je σ-Bin, letzter Protokollschritt (STF §3.4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No STF targets: this run trains with plain DSM targets</source>
        <translation>Keine STF-Ziele: Dieser Lauf trainiert mit einfachen DSM-Zielen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Open run</source>
        <translation>Lauf öffnen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> to T = %1</source>
        <translation> bis T = %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 prior</source>
        <translation>, %1-Prior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2 on %3, %4 steps</source>
        <translation>%1 — %2 auf %3, %4 Schritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scorescope — %1</source>
        <translation>Scorescope — %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open run directory</source>
        <translation>Laufverzeichnis öffnen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Starting %1…</source>
        <translation>%1 wird gestartet…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resuming %1…</source>
        <translation>%1 wird fortgesetzt…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Continue run</source>
        <translation>Lauf fortsetzen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>step %1 / %2</source>
        <translation>Schritt %1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 steps/s</source>
        <translation>%1 Schritte/s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ETA %1:%2:%3</source>
        <translation>Restzeit %1:%2:%3</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean + std</source>
        <translation>Mittelwert + Std.-Abw.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>DSM</source>
        <translation>DSM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STF</source>
        <translation>STF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ratio STF/DSM</source>
        <translation>Verhältnis STF/DSM</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>bias² (estimate)</source>
        <translation>Bias² (Schätzung)</translation>
    </message>
</context>
<context>
    <name>NewRunDialog</name>
    <message>
        <location filename="../widgets/train/NewRunDialog.cpp" line="+58"/>
        <source>New training run</source>
        <translation>Neuer Trainingslauf</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mixture file…</source>
        <translation>Mischungsdatei…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gaussian mixture</source>
        <translation>Gaußsche Mischverteilung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mixture JSON (*.json)</source>
        <translation>Mischungs-JSON (*.json)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>native</source>
        <translation>Original</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RGB (image folders)</source>
        <translation>RGB (Bildordner)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>random horizontal flips</source>
        <translation>zufällige horizontale Spiegelungen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the SDE&apos;s default</source>
        <translation>Standardwert der SDE</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+5"/>
        <location line="+11"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>random truncation τ per step</source>
        <translation>zufällige Trunkierung τ pro Schritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>log each σ bin&apos;s gradient share</source>
        <translation>Gradientenanteil jedes σ-Bins protokollieren</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parent folder of the run</source>
        <translation>Übergeordneter Ordner des Laufs</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A toy mixture preset, a mixture JSON file, fashion-mnist, folder:DIR or cifar10:DIR</source>
        <translation>Eine vordefinierte Toy-Mischung, eine Mischungs-JSON-Datei, fashion-mnist, folder:DIR oder cifar10:DIR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where the Fashion-MNIST IDX files are</source>
        <translation>Ort der Fashion-MNIST-IDX-Dateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image size</source>
        <translation>Bildgröße</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image folders: resize to N × N</source>
        <translation>Bildordner: auf N × N skalieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image folders: three colour channels instead of gray</source>
        <translation>Bildordner: drei Farbkanäle statt Graustufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Augment training images with random horizontal flips</source>
        <translation>Trainingsbilder durch zufällige horizontale Spiegelungen augmentieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diffusion</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SDE</source>
        <translation>SDE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VE, VP, sub-VP or EDM forward process (THEORY.md §1)</source>
        <translation>Vorwärtsprozess VE, VP, sub-VP oder EDM (THEORY.md §1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Horizon T</source>
        <translation>Horizont T</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End time of the VE/VP/sub-VP SDE (diffusion horizon, §4)</source>
        <translation>Endzeit der VE/VP/sub-VP-SDE (Diffusionshorizont, §4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Truncation ε</source>
        <translation>Trunkierung ε</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Smallest training time; blank takes the SDE&apos;s default (§2.1)</source>
        <translation>Kleinste Trainingszeit; leer bedeutet Standardwert der SDE (§2.1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameterisation</source>
        <translation>Parametrisierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network output: ε prediction or EDM preconditioning (§1.5)</source>
        <translation>Netzausgabe: ε-Vorhersage oder EDM-Vorkonditionierung (§1.5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weighting</source>
        <translation>Gewichtung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss weighting λ(t) and time sampling (§1.2, §2.2); mixed is half likelihood-IS, half variance</source>
        <translation>Verlustgewichtung λ(t) und Zeit-Sampling (§1.2, §2.2); mixed ist halb likelihood-IS, halb variance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed weight</source>
        <translation>Mischgewicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight of the variance half in mixed weighting (§2.4)</source>
        <translation>Gewicht der variance-Hälfte bei der mixed-Gewichtung (§2.4)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prior at T</source>
        <translation>Prior bei T</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prior</source>
        <translation>Prior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x_T&apos;s law: the SDE&apos;s Gaussian, or an auxiliary model fitted to the forward marginal at T before training, for a horizon T &lt; 1 (§4.4)</source>
        <translation>Verteilung von x_T: die Gauß-Verteilung der SDE oder ein Hilfsmodell, das vor dem Training an die Vorwärts-Randverteilung bei T angepasst wird, für einen Horizont T &lt; 1 (§4.4)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gaussian mixture components (EM)</source>
        <translation>Komponenten der Gauß-Mischung (EM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covariance</source>
        <translation>Kovarianz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full or diagonal component covariances</source>
        <translation>Volle oder diagonale Kovarianzen der Komponenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit points</source>
        <translation>Fit-Punkte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Forward-diffused points the mixture is fitted to</source>
        <translation>Vorwärts diffundierte Punkte, an die die Mischung angepasst wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EM starts</source>
        <translation>EM-Starts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Independent EM starts; the best fit is kept</source>
        <translation>Unabhängige EM-Starts; die beste Anpassung wird behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit steps</source>
        <translation>Fit-Schritte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>EM iterations (default 200) or flow optimiser steps (default 3000)</source>
        <translation>EM-Iterationen (Standard 200) oder Optimiererschritte des Flows (Standard 3000)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flow layers</source>
        <translation>Flow-Schichten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Affine coupling layers of the flow (RealNVP)</source>
        <translation>Affine Kopplungsschichten des Flows (RealNVP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flow width</source>
        <translation>Flow-Breite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hidden units of each coupling network</source>
        <translation>Verborgene Einheiten jedes Kopplungsnetzes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objective</source>
        <translation>Zielfunktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dsm: denoising score matching; stf: Stable Target Field with a reference batch (§3)</source>
        <translation>dsm: Denoising Score Matching; stf: Stable Target Field mit einem Referenz-Batch (§3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference size n</source>
        <translation>Referenzgröße n</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STF reference batch, own sample included (§3.3)</source>
        <translation>STF-Referenz-Batch, eigene Stichprobe eingeschlossen (§3.3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soft Truncation</source>
        <translation>Soft Truncation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw τ ~ τ^-k on [ε, T] once per step and train on t ∈ [τ, T] (§2.2)</source>
        <translation>τ ~ τ^-k auf [ε, T] einmal pro Schritt ziehen und auf t ∈ [τ, T] trainieren (§2.2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exponent of P(τ) ∝ τ^-k; k = 1 is log-uniform (§2.2)</source>
        <translation>Exponent von P(τ) ∝ τ^-k; k = 1 ist log-gleichverteilt (§2.2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On logging steps, one backward pass per σ bin to log its share of the gradient (§2.3)</source>
        <translation>In Protokollschritten ein Backward-Pass pro σ-Bin, um dessen Anteil am Gradienten zu protokollieren (§2.3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U-Net width</source>
        <translation>U-Net-Breite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channels at full resolution (images)</source>
        <translation>Kanäle bei voller Auflösung (Bilder)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MLP width</source>
        <translation>MLP-Breite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hidden units per layer (toy data)</source>
        <translation>Verborgene Einheiten pro Schicht (Toy-Daten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MLP depth</source>
        <translation>MLP-Tiefe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hidden layers (toy data)</source>
        <translation>Verborgene Schichten (Toy-Daten)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minibatch size</source>
        <translation>Minibatch-Größe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optimisation steps</source>
        <translation>Optimierungsschritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adam learning rate</source>
        <translation>Adam-Lernrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm-up</source>
        <translation>Warm-up</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Linear learning-rate warm-up steps</source>
        <translation>Schritte des linearen Lernraten-Warm-ups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EMA decay</source>
        <translation>EMA-Zerfall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decay of the weight average that samples and evaluates</source>
        <translation>Zerfallsrate des Gewichtsmittels, mit dem gesampelt und evaluiert wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seeds data, noise and initialisation: same seed, same run</source>
        <translation>Seed für Daten, Rauschen und Initialisierung: gleicher Seed, gleicher Lauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cpu, cuda, or auto (CUDA when LibTorch has it)</source>
        <translation>cpu, cuda oder auto (CUDA, wenn LibTorch es unterstützt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoint every</source>
        <translation>Checkpoint alle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps between checkpoints</source>
        <translation>Schritte zwischen Checkpoints</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log every</source>
        <translation>Protokoll alle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps between metric rows (and per-σ bins)</source>
        <translation>Schritte zwischen Metrikzeilen (und σ-Bins)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample every</source>
        <translation>Samples alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps between sample snapshots (same seeds each time) for the Samples panel</source>
        <translation>Schritte zwischen Sample-Schnappschüssen (jedes Mal dieselben Seeds) für die Ansicht „Samples“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run directory</source>
        <translation>Laufverzeichnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A new directory for the run</source>
        <translation>Ein neues Verzeichnis für den Lauf</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Other parameters</source>
        <translation>Weitere Parameter</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the run directory and start training in the background</source>
        <translation>Das Laufverzeichnis anlegen und das Training im Hintergrund starten</translation>
    </message>
    <message>
        <location line="+217"/>
        <source>Choose a directory for the run</source>
        <translation>Verzeichnis für den Lauf wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already holds a run; choose another directory or continue that run</source>
        <translation>%1 enthält bereits einen Lauf; wählen Sie ein anderes Verzeichnis oder setzen Sie diesen Lauf fort</translation>
    </message>
</context>
<context>
    <name>PlaygroundView</name>
    <message>
        <location filename="../widgets/playground/PlaygroundView.cpp" line="+50"/>
        <source>Density p_t</source>
        <translation>Dichte p_t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score arrows</source>
        <translation>Score-Pfeile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Forward samples</source>
        <translation>Vorwärts-Samples</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regime map</source>
        <translation>Regime-Karte</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spray</source>
        <translation>Sprühen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probe</source>
        <translation>Sonde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click to add a component, drag its handle to move it, wheel to resize, right click or Delete to remove</source>
        <translation>Klicken Sie, um eine Komponente hinzuzufügen; ziehen Sie am Griff, um sie zu verschieben; Mausrad zum Skalieren; Rechtsklick oder Entf zum Entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag to spray narrow components freehand</source>
        <translation>Ziehen Sie, um schmale Komponenten freihändig aufzusprühen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a point to see the reference batch, the DSM and STF targets and the true score</source>
        <translation>Klicken Sie auf einen Punkt, um den Referenz-Batch, die DSM- und STF-Ziele und den wahren Score zu sehen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Diffusion time t on a log scale from the sampler&apos;s ε to T</source>
        <translation>Diffusionszeit t auf logarithmischer Skala vom ε des Samplers bis T</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sweep t from ε to T</source>
        <translation>t von ε bis T durchlaufen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Closed form ∇log p_t</source>
        <translation>Geschlossene Form ∇log p_t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trained model s_θ</source>
        <translation>Trainiertes Modell s_θ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model − closed form</source>
        <translation>Modell − geschlossene Form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which score field the arrows show; the model&apos;s needs a run (Open run…)</source>
        <translation>Welches Score-Feld die Pfeile zeigen; das des Modells erfordert einen Lauf („Lauf öffnen…“)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Probe mode: click a point of the canvas.</source>
        <translation>Sondenmodus: Klicken Sie auf einen Punkt der Zeichenfläche.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrows:</source>
        <translation>Pfeile:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Probe (STF §3.3)</source>
        <translation>Sonde (STF §3.3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Regimes over the horizon</source>
        <translation>Regime über den Horizont</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>t = %1</source>
        <translation>t = %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>   σ = %1   a = %2   s = %3</source>
        <translation>   σ = %1   a = %2   s = %3</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>x = (%1, %2), t = %3&lt;br&gt;&lt;b&gt;%4 field&lt;/b&gt;: effective sample size %5 of n = %6, max weight %7, Σw = %8&lt;br&gt;&lt;span style=&apos;color:#ffffff;background:#555&apos;&gt;&amp;nbsp;white&amp;nbsp;&lt;/span&gt; true score ‖∇log p_t‖ = %9&lt;br&gt;&lt;span style=&apos;color:#d62728&apos;&gt;red&lt;/span&gt; DSM target, error %10&lt;br&gt;&lt;span style=&apos;color:#2ca02c&apos;&gt;green&lt;/span&gt; STF target, error %11&lt;br&gt;Arrows show s²·score: the step to the denoised point. Dots: the reference batch, area ∝ weight.</source>
        <translation>x = (%1, %2), t = %3&lt;br&gt;&lt;b&gt;Regime: %4&lt;/b&gt;: effektive Stichprobengröße %5 von n = %6, max. Gewicht %7, Σw = %8&lt;br&gt;&lt;span style=&apos;color:#ffffff;background:#555&apos;&gt;&amp;nbsp;weiß&amp;nbsp;&lt;/span&gt; wahrer Score ‖∇log p_t‖ = %9&lt;br&gt;&lt;span style=&apos;color:#d62728&apos;&gt;rot&lt;/span&gt; DSM-Ziel, Fehler %10&lt;br&gt;&lt;span style=&apos;color:#2ca02c&apos;&gt;grün&lt;/span&gt; STF-Ziel, Fehler %11&lt;br&gt;Die Pfeile zeigen s²·Score: den Schritt zum entrauschten Punkt. Punkte: der Referenz-Batch, Fläche ∝ Gewicht.</translation>
    </message>
</context>
<context>
    <name>PlaygroundWindow</name>
    <message>
        <location filename="../widgets/playground/PlaygroundWindow.cpp" line="+34"/>
        <source>Scorescope — Playground</source>
        <translation>Scorescope — Playground</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+4"/>
        <source>Playground</source>
        <translation>Playground</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Step-through sampling</source>
        <translation>Schrittweises Sampling</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start from a preset mixture</source>
        <translation>Von einer vordefinierten Mischung ausgehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Preset </source>
        <translation> Vorlage </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Load a mixture</source>
        <translation>Mischung laden</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+7"/>
        <source>Mixture JSON (*.json)</source>
        <translation>Mischungs-JSON (*.json)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Save the mixture</source>
        <translation>Mischung speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as the mixture JSON that scorescope-cli train --dataset reads</source>
        <translation>Als Mischungs-JSON speichern, das scorescope-cli train --dataset liest</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> SDE </source>
        <translation> SDE </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open run…</source>
        <translation>Lauf öffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a trained run for its score</source>
        <translation>Einen trainierten Lauf öffnen, um seinen Score zu verwenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use a trained run&apos;s model as the score (its SDE and, for mixtures, its data)</source>
        <translation>Das Modell eines trainierten Laufs als Score verwenden (seine SDE und, bei Mischungen, seine Daten)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lessons…</source>
        <translation>Lektionen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Presentation</source>
        <translation>Präsentation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Large text and thick lines for a projector</source>
        <translation>Große Schrift und dicke Linien für einen Beamer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/analysis/CsvTable.cpp" line="+15"/>
        <source>%1: cannot open (%2)</source>
        <translation>%1: kann nicht geöffnet werden (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: line 1 is not a CSV header</source>
        <translation>%1: Zeile 1 ist keine CSV-Kopfzeile</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: line %2 has %3 cells, the header %4</source>
        <translation>%1: Zeile %2 hat %3 Zellen, die Kopfzeile %4</translation>
    </message>
</context>
<context>
    <name>RegimeStripView</name>
    <message>
        <location filename="../widgets/playground/RegimeStripView.cpp" line="+20"/>
        <source>Regime of a point at distance r from the diffused data mean, over the whole horizon (STF §3.2)</source>
        <translation>Regime eines Punkts im Abstand r vom diffundierten Datenmittelwert, über den gesamten Horizont (STF §3.2)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>t (log scale)</source>
        <translation>t (log. Skala)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>radius</source>
        <translation>Radius</translation>
    </message>
</context>
<context>
    <name>RunFollower</name>
    <message>
        <location filename="../widgets/run/RunFollower.cpp" line="+27"/>
        <source>%1 is not a run directory (no config.json)</source>
        <translation>%1 ist kein Laufverzeichnis (keine config.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: config.json is not valid JSON (%2)</source>
        <translation>%1: config.json ist kein gültiges JSON (%2)</translation>
    </message>
</context>
<context>
    <name>RunListView</name>
    <message>
        <location filename="../widgets/run/RunListView.cpp" line="+76"/>
        <source>Runs in the runs folder and runs opened recently; double-click one to follow it</source>
        <translation>Läufe im Läufe-Ordner und zuletzt geöffnete Läufe; doppelklicken Sie auf einen, um ihn zu verfolgen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs folder</source>
        <translation>Läufe-Ordner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the folder whose run directories are listed</source>
        <translation>Den Ordner wählen, dessen Laufverzeichnisse aufgelistet werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Look for new runs now</source>
        <translation>Jetzt nach neuen Läufen suchen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Runs in %1</source>
        <translation>Läufe in %1</translation>
    </message>
</context>
<context>
    <name>SamplesView</name>
    <message>
        <location filename="../widgets/live/SamplesView.cpp" line="+41"/>
        <location line="+33"/>
        <source>No snapshots yet</source>
        <translation>Noch keine Schnappschüsse</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Step of the snapshot shown; every snapshot starts from the same noise</source>
        <translation>Schritt des angezeigten Schnappschusses; jeder Schnappschuss startet vom selben Rauschen</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>step %1 (snapshot %2 of %3)</source>
        <translation>Schritt %1 (Schnappschuss %2 von %3)</translation>
    </message>
</context>
<context>
    <name>SoftTruncationView</name>
    <message>
        <location filename="../widgets/live/SoftTruncationView.cpp" line="+33"/>
        <location line="+99"/>
        <source>Truncation τ per step (§2.2)</source>
        <translation>Trunkierung τ pro Schritt (§2.2)</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>τ</source>
        <translation>τ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dP/dlog10 τ</source>
        <translation>dP/dlog10 τ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diffusion time t trained on</source>
        <translation>Trainierte Diffusionszeit t</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dP/dlog10 t</source>
        <translation>dP/dlog10 t</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>drawn (%1 steps)</source>
        <translation>gezogen (%1 Schritte)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P_k(τ)</source>
        <translation>P_k(τ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fixed truncation ε = %1 (no Soft Truncation)</source>
        <translation>Feste Trunkierung ε = %1 (keine Soft Truncation)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>drawn (%1 samples)</source>
        <translation>gezogen (%1 Stichproben)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>law of t</source>
        <translation>Verteilung von t</translation>
    </message>
</context>
<context>
    <name>StepThroughView</name>
    <message>
        <location filename="../widgets/playground/StepThroughView.cpp" line="+46"/>
        <source>Trails</source>
        <translation>Spuren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score arrows</source>
        <translation>Score-Pfeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denoised estimates</source>
        <translation>Entrauschte Schätzungen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Closed form</source>
        <translation>Geschlossene Form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The score the sampler follows: the mixture&apos;s exact one, or a trained run&apos;s (open runs in the toolbar)</source>
        <translation>Der Score, dem der Sampler folgt: der exakte der Mischung oder der eines trainierten Laufs (Läufe über die Werkzeugleiste öffnen)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Time steps from T to ε (the adaptive RK45 chooses its own)</source>
        <translation>Zeitschritte von T bis ε (das adaptive RK45 wählt eigene)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Both sides start from the same x_T and draw the same noise</source>
        <translation>Beide Seiten starten vom selben x_T und ziehen dasselbe Rauschen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> steps/s</source>
        <translation> Schritte/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restart</source>
        <translation>Neustart</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step ▶</source>
        <translation>Schritt ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Jump to a step</source>
        <translation>Zu einem Schritt springen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Particles</source>
        <translation>Partikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>step %1   t = %2   NFE %3   energy distance to p_0: %4</source>
        <translation>Schritt %1   t = %2   NFE %3   Energiedistanz zu p_0: %4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
</TS>
