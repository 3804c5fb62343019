<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
<context>
    <name>AnalysisView</name>
    <message>
        <location filename="../widgets/analysis/AnalysisView.cpp" line="+42"/>
        <source>%1: no rows</source>
        <translation>%1：行がありません</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>STF target variance / DSM target variance (§3.4)</source>
        <translation>STF ターゲットの分散 / DSM ターゲットの分散（§3.4）</translation>
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
        <translation>真のスコアに対する STF のバイアス</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RMS bias (score units)</source>
        <translation>RMS バイアス（スコア単位）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target variance, score units (%1)</source>
        <translation>ターゲットの分散、スコア単位（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E tr Cov[target | x]</source>
        <translation>E tr Cov[target | x]</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Soft Truncation: densities (§2.2)</source>
        <translation>Soft Truncation：密度（§2.2）</translation>
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
        <translation>密度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Effective weight in expectation over τ (§2.3)</source>
        <translation>τ についての期待値で見た実効重み（§2.3）</translation>
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
        <translation>t | τ の中央値</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>λ_ST</source>
        <translation>λ_ST</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fixed ε</source>
        <translation>固定 ε</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quantiles: empirical against analytic</source>
        <translation>分位点：解析値に対する経験値</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>analytic</source>
        <translation>解析値</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>empirical</source>
        <translation>経験値</translation>
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
        <translation>ノイズレベルごとの損失（平均、平均 ± 標準偏差）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per-sample loss</source>
        <translation>サンプルあたりの損失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the total loss (and gradient)</source>
        <translation>損失全体（および勾配）に占める割合</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>share</source>
        <translation>割合</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean + std</source>
        <translation>平均 + 標準偏差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gradient</source>
        <translation>勾配</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ELBO terms against the horizon T (§4.2)</source>
        <translation>ホライズン T に対する ELBO の各項（§4.2）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nats per point</source>
        <translation>1 点あたりの nats</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>KL[p_T ‖ N(0, I)]</source>
        <translation>KL[p_T ‖ N(0, I)]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KL[p_T ‖ auxiliary]</source>
        <translation>KL[p_T ‖ 補助分布]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gap G(θ, T)</source>
        <translation>ギャップ G(θ, T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gap + KL, Gaussian prior</source>
        <translation>ギャップ + KL、ガウス事前分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gap + KL, auxiliary prior</source>
        <translation>ギャップ + KL、補助事前分布</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: has no %2 column like %3</source>
        <translation>%1：%3 にあるような %2 列がありません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>training step</source>
        <translation>学習ステップ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>horizon T</source>
        <translation>ホライズン T</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> + sd</source>
        <translation> + 標準偏差</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> − sd</source>
        <translation> − 標準偏差</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: not an output of scorescope-cli analyze stf, truncation, loss-scale or horizon, nor a table against step or T</source>
        <translation>%1：scorescope-cli analyze の stf、truncation、loss-scale、horizon のいずれの出力でもなく、step または T に対する表でもありません</translation>
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
        <translation>このパネルを PNG 画像として保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG</source>
        <translation>SVG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save this panel as an SVG drawing</source>
        <translation>このパネルを SVG 図として保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 図 (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the numbers this panel plots as CSV</source>
        <translation>このパネルが描画している数値を CSV として保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表 (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write %1</source>
        <translation>%1 に書き込めませんでした</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../widgets/playground/Lessons.cpp" line="+8"/>
        <source>Why small t dominates the loss</source>
        <translation>なぜ小さな t が損失を支配するのか</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Why small t dominates the loss.&lt;/b&gt; At t = 0.002 the kernel&apos;s s(t) is 0.015, and the DSM target −z/s has a norm of about √2/s ≈ 90 (the arrows show s² times a target). Likelihood weighting draws about 20 % of its times below t = 10⁻³ (THEORY.md §2.1), where the targets are larger still, so they dominate the gradient. Soft Truncation draws the lower limit τ afresh each batch, so the large-t score is trained too. At the probe, off the data, the nearest sample takes all the weight (near field, blue); drag the slider right and watch the regimes turn intermediate, then far.</source>
        <translation>&lt;b&gt;なぜ小さな t が損失を支配するのか。&lt;/b&gt; t = 0.002 では遷移核の s(t) は 0.015 で、DSM ターゲット −z/s のノルムは約 √2/s ≈ 90 になります（矢印はターゲットの s² 倍を表示しています）。尤度重み付けでは時刻の約 20 % が t = 10⁻³ 未満から抽出され（THEORY.md §2.1）、そこではターゲットがさらに大きいため、これらが勾配を支配します。Soft Truncation（ソフト打ち切り）はバッチごとに下限 τ を新たに抽出するので、大きな t のスコアも学習されます。データから離れたプローブ位置では、最も近いサンプルが重みをすべて占めます（近距離場、青）。スライダーを右へドラッグすると、領域が中間領域、さらに遠距離場へと移っていく様子を確認できます。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Where targets disagree</source>
        <translation>ターゲットが食い違うところ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Where targets disagree.&lt;/b&gt; Half-way between two modes at σ ≈ 0.5 two data samples share the posterior: the intermediate regime (orange). The DSM target (red) points at the one sample y₁ that made x; the STF target (green) weighs a reference batch (dots, area ∝ weight) and lands next to the true score (white), with about 1/(n−1) of the variance (STF §3.4). Click other points, or move t: near a mode both agree, far out every weight is ≈ 1/n.</source>
        <translation>&lt;b&gt;ターゲットが食い違うところ。&lt;/b&gt; σ ≈ 0.5 のとき、2 つのモードのちょうど中間では 2 つのデータサンプルが事後分布を分け合います。これが中間領域（オレンジ）です。DSM ターゲット（赤）は x を生成した 1 つのサンプル y₁ を指しますが、STF ターゲット（緑）は参照バッチ（点、面積 ∝ 重み）を重み付けして平均するため、真のスコア（白）のすぐそばに落ち着き、分散は約 1/(n−1) になります（STF §3.4）。別の点をクリックしたり、t を動かしたりしてみてください。モードの近くでは両者は一致し、遠く離れるとすべての重みが ≈ 1/n になります。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What T buys</source>
        <translation>T がもたらすもの</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;What T buys.&lt;/b&gt; Stopping the forward process at T = 0.2 instead of 1 leaves p_T visibly non-Gaussian (the ring is still there; KL[p_T‖N(0, I)] = 0.33 nats on ring8), so starting the reverse process from N(0, I) costs likelihood. But the score has 80 % less time to learn and the sampler to integrate. An auxiliary prior fitted to p_T closes the gap: on ring8 the NLL is 0.340 at T = 0.2 with it, 0.381 at T = 1 and 0.702 at T = 0.2 without it (docs/experiments/horizon.md, §4). Compare with t = 1.</source>
        <translation>&lt;b&gt;T がもたらすもの。&lt;/b&gt; 前向き過程を 1 ではなく T = 0.2 で止めると、p_T は見てわかるほど非ガウス的なまま残ります（リングがまだ見えています。ring8 では KL[p_T‖N(0, I)] = 0.33 nats）。そのため、逆過程を N(0, I) から始めると尤度が損なわれます。しかしその代わり、スコアが学習すべき時間も、サンプラーが積分すべき時間も 80 % 短くなります。p_T に当てはめた補助事前分布を使えば、このギャップは埋まります。ring8 での NLL は、補助事前分布ありの T = 0.2 で 0.340、T = 1 で 0.381、補助事前分布なしの T = 0.2 で 0.702 です（docs/experiments/horizon.md、§4）。t = 1 と比べてみてください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Samplers side by side</source>
        <translation>サンプラーを並べて比較</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Samplers side by side.&lt;/b&gt; The same 2 000 particles, the same noise: Euler–Maruyama (left) and the probability-flow ODE with Heun&apos;s method (right), both on the exact score of ring8. Step through and watch the ODE move particles deterministically along the flow, while the SDE keeps shaking them; the energy distance to p_0 tells which is closer at each NFE.</source>
        <translation>&lt;b&gt;サンプラーを並べて比較。&lt;/b&gt; 同じ 2 000 個の粒子、同じノイズを使って、Euler–Maruyama 法（左）と Heun 法による確率フロー ODE（右）を、どちらも ring8 の厳密なスコアで動かします。1 ステップずつ進めながら、ODE が粒子を流れに沿って決定論的に動かす一方で、SDE が粒子を揺らし続ける様子を観察してください。p_0 までのエネルギー距離を見れば、各 NFE でどちらがより近いかがわかります。</translation>
    </message>
</context>
<context>
    <name>LossChartView</name>
    <message>
        <location filename="../widgets/charts/LossChartView.cpp" line="+17"/>
        <source>Training loss</source>
        <translation>学習損失</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>smoothed</source>
        <translation>平滑化</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
</context>
<context>
    <name>LossHeatmapView</name>
    <message>
        <location filename="../widgets/live/LossHeatmapView.cpp" line="+17"/>
        <source>Mean per-sample loss per σ bin and logging window; hover for values (Soft Truncation §2.1)</source>
        <translation>σ ビンおよび記録区間ごとの、サンプルあたりの平均損失。マウスを重ねると値を表示します（Soft Truncation §2.1）</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Loss over training step × diffusion time</source>
        <translation>学習ステップ × 拡散時間ごとの損失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No per-σ bins logged yet</source>
        <translation>σ ビンごとの記録はまだありません</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>t (σ bin)</source>
        <translation>t（σ ビン）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>step %1, t ≈ %2 (σ ≈ %3): loss %4</source>
        <translation>ステップ %1、t ≈ %2（σ ≈ %3）：損失 %4</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../widgets/MainWindow.cpp" line="+45"/>
        <source>Per-time loss, latest window (Soft Truncation §2.1)</source>
        <translation>時刻ごとの損失、最新の記録区間（Soft Truncation §2.1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>per-sample loss</source>
        <translation>サンプルあたりの損失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target variance, latest logging step (STF §3.4)</source>
        <translation>ターゲットの分散、最新の記録ステップ（STF §3.4）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>σ</source>
        <translation>σ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E tr Cov[target | x]</source>
        <translation>E tr Cov[target | x]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No run open</source>
        <translation>ランが開かれていません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scorescope</source>
        <translation>Scorescope</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ignore outliers</source>
        <translation>外れ値を無視</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scale the loss axis to the 2nd–98th percentile, so that spikes do not flatten the curve</source>
        <translation>損失軸の範囲を 2～98 パーセンタイルに合わせ、スパイクで曲線が平坦につぶれないようにします</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Run…</source>
        <translation>新規ラン(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Configure a training run and start it in the background</source>
        <translation>学習ランを設定し、バックグラウンドで開始します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Continue Run…</source>
        <translation>ランを続行(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume training a run directory from its checkpoint, exactly where it stopped</source>
        <translation>ランディレクトリの学習を、チェックポイントから停止した位置のまま再開します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Run Directory…</source>
        <translation>ランディレクトリを開く(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a run directory written by scorescope-cli train and follow it live</source>
        <translation>scorescope-cli train が書き出したランディレクトリを開き、進行をライブで追跡します</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Training</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hold training between two steps (the thread waits; nothing is lost)</source>
        <translation>ステップの合間で学習を保留します（スレッドは待機するだけで、何も失われません）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Continue a paused run</source>
        <translation>一時停止中のランを再開します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End training after a checkpoint; Continue Run picks it up again</source>
        <translation>チェックポイントを保存してから学習を終了します。「ランを続行」で再開できます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;Checkpoint</source>
        <translation>チェックポイントを保存(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write checkpoint.pt now (atomically: a temporary file, then a rename)</source>
        <translation>checkpoint.pt を今すぐ書き出します（アトミックに：一時ファイルに書いてから名前を変更）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ools</source>
        <translation>ツール(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Playground and Step-through Sampling…</source>
        <translation>プレイグラウンドとステップ実行サンプリング(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit a 2-D mixture and watch diffusion, targets, regimes and samplers step by step</source>
        <translation>2 次元の混合分布を編集し、拡散、ターゲット、領域、サンプラーを 1 ステップずつ観察します</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The language changes when Scorescope starts again.</source>
        <translation>言語は Scorescope の次回起動時に切り替わります。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+32"/>
        <location line="+15"/>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>%1, %2 parameters</source>
        <translation>%1、パラメータ数 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fitting the auxiliary prior (%1) at T = %2 before the first step…</source>
        <translation>最初のステップの前に、T = %2 で補助事前分布 (%1) を当てはめています…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checkpoint saved at step %1</source>
        <translation>ステップ %1 でチェックポイントを保存しました</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finished at step %1</source>
        <translation>ステップ %1 で完了しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped at step %1; Continue Run resumes it</source>
        <translation>ステップ %1 で停止しました。「ランを続行」で再開できます</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training failed: %1</source>
        <translation>学習に失敗しました：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Loss scale</source>
        <translation>損失スケール</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STF targets</source>
        <translation>STF ターゲット</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soft Truncation</source>
        <translation>Soft Truncation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss over training</source>
        <translation>学習中の損失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Runs</source>
        <translation>ラン一覧</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Target variance per σ bin, latest logging step (STF §3.4)</source>
        <translation>σ ビンごとのターゲットの分散、最新の記録ステップ（STF §3.4）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No STF targets: this run trains with plain DSM targets</source>
        <translation>STF ターゲットはありません：このランは通常の DSM ターゲットで学習しています</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Open run</source>
        <translation>ランを開く</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> to T = %1</source>
        <translation>（T = %1 まで）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 prior</source>
        <translation>、%1 事前分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2 on %3, %4 steps</source>
        <translation>%1 — %2、%3、%4 ステップ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scorescope — %1</source>
        <translation>Scorescope — %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open run directory</source>
        <translation>ランディレクトリを開く</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Starting %1…</source>
        <translation>%1 を開始しています…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resuming %1…</source>
        <translation>%1 を再開しています…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Continue run</source>
        <translation>ランを続行</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>step %1 / %2</source>
        <translation>ステップ %1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 steps/s</source>
        <translation>%1 ステップ/秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ETA %1:%2:%3</source>
        <translation>残り %1:%2:%3</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mean + std</source>
        <translation>平均 + 標準偏差</translation>
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
        <translation>比 STF/DSM</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>bias² (estimate)</source>
        <translation>バイアス²（推定値）</translation>
    </message>
</context>
<context>
    <name>NewRunDialog</name>
    <message>
        <location filename="../widgets/train/NewRunDialog.cpp" line="+58"/>
        <source>New training run</source>
        <translation>新規学習ラン</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mixture file…</source>
        <translation>混合分布ファイル…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gaussian mixture</source>
        <translation>混合ガウス分布</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mixture JSON (*.json)</source>
        <translation>混合分布 JSON (*.json)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>native</source>
        <translation>元のサイズ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RGB (image folders)</source>
        <translation>RGB（画像フォルダー）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>random horizontal flips</source>
        <translation>ランダムな左右反転</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the SDE&apos;s default</source>
        <translation>SDE の既定値</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+5"/>
        <location line="+11"/>
        <source>default</source>
        <translation>既定</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>random truncation τ per step</source>
        <translation>ステップごとにランダムな打ち切り τ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>log each σ bin&apos;s gradient share</source>
        <translation>各 σ ビンの勾配の割合を記録</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>never</source>
        <translation>しない</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parent folder of the run</source>
        <translation>ランの親フォルダー</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data set</source>
        <translation>データセット</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A toy mixture preset, a mixture JSON file, fashion-mnist, folder:DIR or cifar10:DIR</source>
        <translation>トイ混合分布のプリセット、混合分布 JSON ファイル、fashion-mnist、folder:DIR、または cifar10:DIR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data directory</source>
        <translation>データディレクトリ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where the Fashion-MNIST IDX files are</source>
        <translation>Fashion-MNIST の IDX ファイルがある場所</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image size</source>
        <translation>画像サイズ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image folders: resize to N × N</source>
        <translation>画像フォルダー：N × N にリサイズ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image folders: three colour channels instead of gray</source>
        <translation>画像フォルダー：グレースケールの代わりに 3 つのカラーチャンネルを使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Augment training images with random horizontal flips</source>
        <translation>ランダムな左右反転で学習画像をデータ拡張します</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diffusion</source>
        <translation>拡散</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SDE</source>
        <translation>SDE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VE, VP, sub-VP or EDM forward process (THEORY.md §1)</source>
        <translation>VE、VP、sub-VP、または EDM の前向き過程（THEORY.md §1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Horizon T</source>
        <translation>ホライズン T</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End time of the VE/VP/sub-VP SDE (diffusion horizon, §4)</source>
        <translation>VE/VP/sub-VP SDE の終了時刻（拡散のホライズン、§4）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Truncation ε</source>
        <translation>打ち切り ε</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Smallest training time; blank takes the SDE&apos;s default (§2.1)</source>
        <translation>学習に使う最小の時刻。空欄の場合は SDE の既定値を使います（§2.1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameterisation</source>
        <translation>パラメータ化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network output: ε prediction or EDM preconditioning (§1.5)</source>
        <translation>ネットワークの出力：ε 予測または EDM のプリコンディショニング（§1.5）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weighting</source>
        <translation>重み付け</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss weighting λ(t) and time sampling (§1.2, §2.2); mixed is half likelihood-IS, half variance</source>
        <translation>損失の重み付け λ(t) と時刻のサンプリング（§1.2、§2.2）。mixed は半分が likelihood-IS、半分が variance です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed weight</source>
        <translation>mixed の重み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight of the variance half in mixed weighting (§2.4)</source>
        <translation>mixed 重み付けにおける variance 側の重み（§2.4）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prior at T</source>
        <translation>T における事前分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prior</source>
        <translation>事前分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x_T&apos;s law: the SDE&apos;s Gaussian, or an auxiliary model fitted to the forward marginal at T before training, for a horizon T &lt; 1 (§4.4)</source>
        <translation>x_T の分布：SDE のガウス分布、またはホライズン T &lt; 1 の場合に、学習前に時刻 T の前向き周辺分布へ当てはめた補助モデル（§4.4）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Components</source>
        <translation>成分数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gaussian mixture components (EM)</source>
        <translation>混合ガウス分布の成分数（EM）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Covariance</source>
        <translation>共分散</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full or diagonal component covariances</source>
        <translation>各成分の共分散：フルまたは対角</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit points</source>
        <translation>当てはめ点数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Forward-diffused points the mixture is fitted to</source>
        <translation>混合分布を当てはめる、前向きに拡散させた点の数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EM starts</source>
        <translation>EM の試行回数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Independent EM starts; the best fit is kept</source>
        <translation>独立な初期値から EM を実行する回数。最良の当てはめ結果を採用します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit steps</source>
        <translation>当てはめステップ数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>EM iterations (default 200) or flow optimiser steps (default 3000)</source>
        <translation>EM の反復回数（既定 200）またはフローの最適化ステップ数（既定 3000）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flow layers</source>
        <translation>フローの層数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Affine coupling layers of the flow (RealNVP)</source>
        <translation>フローのアフィンカップリング層の数（RealNVP）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flow width</source>
        <translation>フローの幅</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hidden units of each coupling network</source>
        <translation>各カップリングネットワークの隠れユニット数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objective</source>
        <translation>目的関数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>ターゲット</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dsm: denoising score matching; stf: Stable Target Field with a reference batch (§3)</source>
        <translation>dsm：デノイジングスコアマッチング、stf：参照バッチを用いる Stable Target Field（§3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference size n</source>
        <translation>参照サイズ n</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STF reference batch, own sample included (§3.3)</source>
        <translation>STF の参照バッチのサイズ。自身のサンプルを含みます（§3.3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Soft Truncation</source>
        <translation>Soft Truncation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw τ ~ τ^-k on [ε, T] once per step and train on t ∈ [τ, T] (§2.2)</source>
        <translation>ステップごとに [ε, T] 上で τ ~ τ^-k を 1 回抽出し、t ∈ [τ, T] で学習します（§2.2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exponent of P(τ) ∝ τ^-k; k = 1 is log-uniform (§2.2)</source>
        <translation>P(τ) ∝ τ^-k の指数。k = 1 で対数一様になります（§2.2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On logging steps, one backward pass per σ bin to log its share of the gradient (§2.3)</source>
        <translation>記録ステップでは σ ビンごとに逆伝播を 1 回行い、勾配に占める割合を記録します（§2.3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U-Net width</source>
        <translation>U-Net の幅</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channels at full resolution (images)</source>
        <translation>フル解像度でのチャンネル数（画像）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MLP width</source>
        <translation>MLP の幅</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hidden units per layer (toy data)</source>
        <translation>層あたりの隠れユニット数（トイデータ）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MLP depth</source>
        <translation>MLP の深さ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hidden layers (toy data)</source>
        <translation>隠れ層の数（トイデータ）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimisation</source>
        <translation>最適化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minibatch size</source>
        <translation>ミニバッチサイズ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optimisation steps</source>
        <translation>最適化のステップ数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adam learning rate</source>
        <translation>Adam の学習率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm-up</source>
        <translation>ウォームアップ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Linear learning-rate warm-up steps</source>
        <translation>学習率を線形にウォームアップするステップ数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EMA decay</source>
        <translation>EMA 減衰率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decay of the weight average that samples and evaluates</source>
        <translation>サンプリングと評価に使う重み平均の減衰率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seeds data, noise and initialisation: same seed, same run</source>
        <translation>データ、ノイズ、初期化のシード。同じシードなら同じランになります</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cpu, cuda, or auto (CUDA when LibTorch has it)</source>
        <translation>cpu、cuda、または auto（LibTorch が CUDA に対応していれば CUDA）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkpoint every</source>
        <translation>チェックポイント間隔</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps between checkpoints</source>
        <translation>チェックポイントを保存する間隔のステップ数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log every</source>
        <translation>記録間隔</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps between metric rows (and per-σ bins)</source>
        <translation>指標の行（および σ ビンごとの値）を記録する間隔のステップ数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample every</source>
        <translation>サンプル間隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps between sample snapshots (same seeds each time) for the Samples panel</source>
        <translation>「サンプル」パネル用のサンプルスナップショットを作る間隔のステップ数（毎回同じシード）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run directory</source>
        <translation>ランディレクトリ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A new directory for the run</source>
        <translation>ラン用の新しいディレクトリ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Other parameters</source>
        <translation>その他のパラメータ</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the run directory and start training in the background</source>
        <translation>ランディレクトリを作成し、バックグラウンドで学習を開始します</translation>
    </message>
    <message>
        <location line="+217"/>
        <source>Choose a directory for the run</source>
        <translation>ランのディレクトリを選択</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already holds a run; choose another directory or continue that run</source>
        <translation>%1 にはすでにランがあります。別のディレクトリを選ぶか、そのランを続行してください</translation>
    </message>
</context>
<context>
    <name>PlaygroundView</name>
    <message>
        <location filename="../widgets/playground/PlaygroundView.cpp" line="+50"/>
        <source>Density p_t</source>
        <translation>密度 p_t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score arrows</source>
        <translation>スコアの矢印</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Forward samples</source>
        <translation>前向きサンプル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regime map</source>
        <translation>領域マップ</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spray</source>
        <translation>スプレー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probe</source>
        <translation>プローブ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click to add a component, drag its handle to move it, wheel to resize, right click or Delete to remove</source>
        <translation>クリックで成分を追加、ハンドルのドラッグで移動、ホイールでサイズ変更、右クリックまたは Delete キーで削除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag to spray narrow components freehand</source>
        <translation>ドラッグすると幅の狭い成分をフリーハンドで吹き付けます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a point to see the reference batch, the DSM and STF targets and the true score</source>
        <translation>点をクリックすると、参照バッチ、DSM と STF のターゲット、真のスコアを表示します</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Diffusion time t on a log scale from the sampler&apos;s ε to T</source>
        <translation>拡散時間 t（サンプラーの ε から T までの対数スケール）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sweep t from ε to T</source>
        <translation>t を ε から T まで掃引</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Closed form ∇log p_t</source>
        <translation>閉形式 ∇log p_t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trained model s_θ</source>
        <translation>学習済みモデル s_θ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model − closed form</source>
        <translation>モデル − 閉形式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which score field the arrows show; the model&apos;s needs a run (Open run…)</source>
        <translation>矢印で表示するスコア場。モデルのスコア場を使うにはランが必要です（ランを開く…）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Probe mode: click a point of the canvas.</source>
        <translation>プローブモード：キャンバス上の点をクリックしてください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Layers</source>
        <translation>レイヤー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrows:</source>
        <translation>矢印：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Probe (STF §3.3)</source>
        <translation>プローブ（STF §3.3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Regimes over the horizon</source>
        <translation>ホライズン全体での領域</translation>
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
        <translation>x = (%1, %2), t = %3&lt;br&gt;&lt;b&gt;%4 領域&lt;/b&gt;：有効サンプルサイズ %5（n = %6 中）、最大重み %7、Σw = %8&lt;br&gt;&lt;span style=&apos;color:#ffffff;background:#555&apos;&gt;&amp;nbsp;白&amp;nbsp;&lt;/span&gt; 真のスコア ‖∇log p_t‖ = %9&lt;br&gt;&lt;span style=&apos;color:#d62728&apos;&gt;赤&lt;/span&gt; DSM ターゲット、誤差 %10&lt;br&gt;&lt;span style=&apos;color:#2ca02c&apos;&gt;緑&lt;/span&gt; STF ターゲット、誤差 %11&lt;br&gt;矢印は s²·スコア、すなわちデノイズされた点へのステップを表します。点は参照バッチで、面積 ∝ 重みです。</translation>
    </message>
</context>
<context>
    <name>PlaygroundWindow</name>
    <message>
        <location filename="../widgets/playground/PlaygroundWindow.cpp" line="+34"/>
        <source>Scorescope — Playground</source>
        <translation>Scorescope — プレイグラウンド</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+4"/>
        <source>Playground</source>
        <translation>プレイグラウンド</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Step-through sampling</source>
        <translation>ステップ実行サンプリング</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start from a preset mixture</source>
        <translation>プリセットの混合分布から始めます</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Preset </source>
        <translation> プリセット </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load…</source>
        <translation>読み込み…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Load a mixture</source>
        <translation>混合分布を読み込む</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+7"/>
        <source>Mixture JSON (*.json)</source>
        <translation>混合分布 JSON (*.json)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Save the mixture</source>
        <translation>混合分布を保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as the mixture JSON that scorescope-cli train --dataset reads</source>
        <translation>scorescope-cli train --dataset が読み込む混合分布 JSON として保存します</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> SDE </source>
        <translation> SDE </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open run…</source>
        <translation>ランを開く…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a trained run for its score</source>
        <translation>学習済みランを開いてそのスコアを使う</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use a trained run&apos;s model as the score (its SDE and, for mixtures, its data)</source>
        <translation>学習済みランのモデルをスコアとして使用します（その SDE と、混合分布の場合はそのデータも使用します）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lessons…</source>
        <translation>レッスン…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Presentation</source>
        <translation>プレゼンテーション</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Large text and thick lines for a projector</source>
        <translation>プロジェクター向けの大きな文字と太い線</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened %1</source>
        <translation>%1 を開きました</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/analysis/CsvTable.cpp" line="+15"/>
        <source>%1: cannot open (%2)</source>
        <translation>%1：開けません（%2）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: line 1 is not a CSV header</source>
        <translation>%1：1 行目が CSV ヘッダーではありません</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: line %2 has %3 cells, the header %4</source>
        <translation>%1：%2 行目のセル数は %3 ですが、ヘッダーは %4 です</translation>
    </message>
</context>
<context>
    <name>RegimeStripView</name>
    <message>
        <location filename="../widgets/playground/RegimeStripView.cpp" line="+20"/>
        <source>Regime of a point at distance r from the diffused data mean, over the whole horizon (STF §3.2)</source>
        <translation>拡散したデータの平均から距離 r にある点の領域を、ホライズン全体にわたって表示（STF §3.2）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>t (log scale)</source>
        <translation>t（対数スケール）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>radius</source>
        <translation>半径</translation>
    </message>
</context>
<context>
    <name>RunFollower</name>
    <message>
        <location filename="../widgets/run/RunFollower.cpp" line="+27"/>
        <source>%1 is not a run directory (no config.json)</source>
        <translation>%1 はランディレクトリではありません（config.json がありません）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: config.json is not valid JSON (%2)</source>
        <translation>%1：config.json が有効な JSON ではありません（%2）</translation>
    </message>
</context>
<context>
    <name>RunListView</name>
    <message>
        <location filename="../widgets/run/RunListView.cpp" line="+76"/>
        <source>Runs in the runs folder and runs opened recently; double-click one to follow it</source>
        <translation>ランフォルダー内のランと最近開いたラン。ダブルクリックすると追跡します</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder…</source>
        <translation>フォルダー…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs folder</source>
        <translation>ランフォルダー</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the folder whose run directories are listed</source>
        <translation>一覧に表示するランディレクトリを含むフォルダーを選択</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Look for new runs now</source>
        <translation>新しいランを今すぐ探します</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Runs in %1</source>
        <translation>%1 内のラン</translation>
    </message>
</context>
<context>
    <name>SamplesView</name>
    <message>
        <location filename="../widgets/live/SamplesView.cpp" line="+41"/>
        <location line="+33"/>
        <source>No snapshots yet</source>
        <translation>スナップショットはまだありません</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Step of the snapshot shown; every snapshot starts from the same noise</source>
        <translation>表示中のスナップショットのステップ。どのスナップショットも同じノイズから始まります</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>step %1 (snapshot %2 of %3)</source>
        <translation>ステップ %1（スナップショット %2 / %3）</translation>
    </message>
</context>
<context>
    <name>SoftTruncationView</name>
    <message>
        <location filename="../widgets/live/SoftTruncationView.cpp" line="+33"/>
        <location line="+99"/>
        <source>Truncation τ per step (§2.2)</source>
        <translation>ステップごとの打ち切り τ（§2.2）</translation>
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
        <translation>学習に使われた拡散時間 t</translation>
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
        <translation>抽出値（%1 ステップ）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P_k(τ)</source>
        <translation>P_k(τ)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fixed truncation ε = %1 (no Soft Truncation)</source>
        <translation>固定打ち切り ε = %1（Soft Truncation なし）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>drawn (%1 samples)</source>
        <translation>抽出値（%1 サンプル）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>law of t</source>
        <translation>t の分布</translation>
    </message>
</context>
<context>
    <name>StepThroughView</name>
    <message>
        <location filename="../widgets/playground/StepThroughView.cpp" line="+46"/>
        <source>Trails</source>
        <translation>軌跡</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score arrows</source>
        <translation>スコアの矢印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denoised estimates</source>
        <translation>デノイズ推定</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Closed form</source>
        <translation>閉形式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The score the sampler follows: the mixture&apos;s exact one, or a trained run&apos;s (open runs in the toolbar)</source>
        <translation>サンプラーが従うスコア：混合分布の厳密なスコア、または学習済みランのスコア（ランはツールバーから開きます）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Time steps from T to ε (the adaptive RK45 chooses its own)</source>
        <translation>T から ε までの時間ステップ数（適応型の RK45 は自動で決めます）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Both sides start from the same x_T and draw the same noise</source>
        <translation>左右とも同じ x_T から始め、同じノイズを使います</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> steps/s</source>
        <translation> ステップ/秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restart</source>
        <translation>再スタート</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ Back</source>
        <translation>◀ 戻る</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step ▶</source>
        <translation>進む ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Jump to a step</source>
        <translation>指定したステップへ移動</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Particles</source>
        <translation>粒子数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>step %1   t = %2   NFE %3   energy distance to p_0: %4</source>
        <translation>ステップ %1   t = %2   NFE %3   p_0 までのエネルギー距離：%4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
</TS>
