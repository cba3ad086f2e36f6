<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActivationsPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/activations.py" line="+59"/>
        <source>Activations</source>
        <extracomment>at most this many small plots in a row the size a small plot needs, in pixels: room for its three-line title, its three value labels (clear of the next plot&apos;s) and the histogram itself never narrower than this: a dock too short for the rows scrolls instead pixels between two small plots: room for both plots&apos; end labels, which overhang their axes pixels a title may reach past either side of its plot area, into the gap between plots</extracomment>
        <translation>激活值</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Press Play to train</source>
        <translation>按“播放”开始训练</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>% of values</source>
        <translation>占比（%）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>μ {mean:.2f}  σ {std:.2f}</source>
        <translation>μ {mean:.2f}  σ {std:.2f}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>saturated {share:.0%}</source>
        <translation>饱和 {share:.0%}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dead {share:.0%}</source>
        <translation>死亡 {share:.0%}</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <location filename="../../nnstudio/gui/autosave.py" line="+223"/>
        <source>Autosave is off: cannot create {folder}: {reason}</source>
        <extracomment>how often the open design is autosaved (milliseconds) how long after an edit it is autosaved (milliseconds; edits in between wait together)</extracomment>
        <translation>自动保存已关闭：无法创建 {folder}：{reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Autosave is off: cannot write in {folder}</source>
        <translation>自动保存已关闭：无法写入 {folder}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Autosave failed: {problem}</source>
        <translation>自动保存失败：{problem}</translation>
    </message>
</context>
<context>
    <name>BackgroundLoad</name>
    <message>
        <location filename="../../nnstudio/gui/imports/background.py" line="+78"/>
        <source>The load stopped without saying why.</source>
        <extracomment>a loader&apos;s progress callback: the fraction done, in [0, 1]</extracomment>
        <translation>加载意外中止，未说明原因。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>not enough memory to load this data</source>
        <translation>内存不足，无法加载这些数据</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../nnstudio/gui/training/banner.py" line="+34"/>
        <source>a training step</source>
        <extracomment>what the worker was doing when something raised (WorkerFailure.doing), in words</extracomment>
        <translation>执行训练步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>noting a step&apos;s statistics</source>
        <translation>记录一步的统计数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>computing the dashboards&apos; pictures</source>
        <translation>计算仪表板上的图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>classifying the drawing</source>
        <translation>识别手绘图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saving the weights</source>
        <translation>保存权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changing the data</source>
        <translation>更换数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading the design</source>
        <translation>加载设计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the training thread</source>
        <translation>运行训练线程</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Copy details</source>
        <extracomment>the user chose the learning rate the banner offers</extracomment>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the technical details on the clipboard, to report the problem</source>
        <translation>把技术细节复制到剪贴板，以便报告这个问题</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Use learning rate {lr}</source>
        <translation>使用学习率 {lr}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate ÷ 10</source>
        <translation>学习率 ÷ 10</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;The loss rose to {loss} at epoch {epoch}&lt;/b&gt;, far above its best: the learning rate {lr} is too high.</source>
        <translation>&lt;b&gt;第 {epoch} 轮时损失升到了 {loss}&lt;/b&gt;，远高于它的最佳值：学习率 {lr} 太大了。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;The loss became {loss} at epoch {epoch}&lt;/b&gt; — the learning rate {lr} is too high.</source>
        <translation>&lt;b&gt;第 {epoch} 轮时损失变成了 {loss}&lt;/b&gt;——学习率 {lr} 太大了。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The starting weights were restored.</source>
        <translation>已恢复初始权重。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The weights of step {step} were restored.</source>
        <translation>已恢复第 {step} 步时的权重。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The weights of step {step} (loss {loss}) were restored.</source>
        <translation>已恢复第 {step} 步时的权重（损失 {loss}）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The learning rate {lr} was tried from there and lowers the loss: use it and press Play.</source>
        <translation>已从那里试过学习率 {lr}，它能降低损失：请使用它，然后按“播放”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lower the learning rate and press Play.</source>
        <translation>请调低学习率后再按“播放”。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Training paused: something went wrong in {doing} ({problem}). The weights are kept; press Play to try again, or Copy details to report it.</source>
        <translation>训练已暂停：在{doing}时出错了（{problem}）。权重保持不变；按“播放”重试，或点击“复制详细信息”报告此问题。</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>BoundaryPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/boundary.py" line="+47"/>
        <source>Decision boundary</source>
        <extracomment>the legend&apos;s sample of a training point when points are coloured by their value</extracomment>
        <translation>决策边界</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show validation points</source>
        <translation>显示验证集的点</translation>
    </message>
    <message>
        <location line="+132"/>
        <location line="+10"/>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The decision boundary is drawn for data with two inputs</source>
        <translation>决策边界只针对有两个输入的数据绘制</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <location filename="../../nnstudio/gui/canvas/edge_item.py" line="+63"/>
        <source>{src} → {dst}: click to select, Delete to remove</source>
        <extracomment>where along the curve a merge input&apos;s index label sits</extracomment>
        <translation>{src} → {dst}：单击选中，按 Delete 删除</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/canvas/node_item.py" line="+46"/>
        <source>1 param</source>
        <translation>1 个参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} params</source>
        <translation>{count} 个参数</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Output shape: {shape}</source>
        <extracomment>position when a user drag began (moves snap relative to it), else None</extracomment>
        <translation>输出形状：{shape}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trainable parameters: {count}</source>
        <translation>可训练参数：{count}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problems:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/canvas/overlay.py" line="+24"/>
        <source>Drag layers here from the palette, or open an example</source>
        <translation>从层面板把层拖到这里，或打开一个示例</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/canvas/port_item.py" line="+38"/>
        <source>Output of {id}: drag to an input to connect</source>
        <extracomment>extra reach around the drawn circle, so a port is easy to hit on a projector</extracomment>
        <translation>{id} 的输出：拖到一个输入端口即可连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Input of {id}: drag to an output to connect</source>
        <translation>{id} 的输入：拖到一个输出端口即可连接</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/canvas/editor.py" line="+115"/>
        <source>Insert {name}</source>
        <extracomment>a node&apos;s move: (old position, new position), each [x, y] in scene units</extracomment>
        <translation>插入 {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Make room</source>
        <translation>腾出位置</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Auto layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot connect: {reason}</source>
        <translation>无法连接：{reason}</translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="+33"/>
        <source>Where the data enters the network.</source>
        <translation>数据进入网络的地方。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network&apos;s input. Its shape is the shape of one sample: [2] for a point in the plane, [4] for the four iris measurements, [1, 8, 8] for an 8×8 grey image.</source>
        <translation>网络的输入。它的形状就是单个样本的形状：平面上的一个点是 [2]，鸢尾花的四项测量值是 [4]，一张 8×8 灰度图像是 [1, 8, 8]。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shape of one sample, without the batch axis.</source>
        <translation>单个样本的形状，不含批次维度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A fully connected layer: y = x·W + b.</source>
        <translation>全连接层：y = x·W + b。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every output is a weighted sum of every input plus a bias, then an optional activation. W has shape (inputs, units). The workhorse of the multilayer perceptron.</source>
        <translation>每个输出都是全部输入的加权和再加上偏置，之后可再经过激活函数。W 的形状为 (输入数, units)。它是多层感知机的主力。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of neurons (outputs).</source>
        <translation>神经元个数（输出数）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-linearity applied to the output.</source>
        <translation>作用在输出上的非线性激活函数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a learned bias to every output.</source>
        <translation>给每个输出加上一个可学习的偏置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the weights start: &apos;auto&apos; is He for the ReLU family and Xavier otherwise; &apos;zeros&apos; shows the symmetry problem (every neuron learns the same thing).</source>
        <translation>权重的初始化方式：&apos;auto&apos; 对 ReLU 一族使用 He 初始化，其他情况使用 Xavier 初始化；&apos;zeros&apos; 可以演示对称性问题（每个神经元学到的都一样）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the biases start.</source>
        <translation>偏置的初始化方式。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 penalty λ·Σ|W|: pushes weights to exactly zero.</source>
        <translation>L1 正则化惩罚 λ·Σ|W|：把权重推向恰好为零。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 penalty ½·λ·ΣW² (weight decay): keeps weights small.</source>
        <translation>L2 正则化惩罚 ½·λ·ΣW²（权重衰减）：让权重保持较小。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turns an image (C, H, W) into a vector.</source>
        <translation>把图像 (C, H, W) 展平成一个向量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lays the channels, rows and columns out in one long vector, so a Dense layer can follow a convolution. No parameters.</source>
        <translation>把通道、行和列依次排成一个长向量，这样卷积层之后就可以接全连接层（Dense）。没有参数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slides small learned filters over an image.</source>
        <translation>用可学习的小卷积核在图像上滑动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each filter looks at a kernel_size window of all input channels at every position and produces one output channel (a feature map). Weights have shape (filters, channels, kh, kw). Output size: (H + 2·padding − kernel) / stride + 1.</source>
        <translation>每个卷积核在每个位置上查看所有输入通道中 kernel_size 大小的窗口，生成一个输出通道（特征图）。权重的形状为 (filters, channels, kh, kw)。输出尺寸：(H + 2·padding − kernel) / stride + 1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of filters (output channels).</source>
        <translation>卷积核个数（输出通道数）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height and width of each filter.</source>
        <translation>每个卷积核的高和宽。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step between filter positions.</source>
        <translation>卷积核每次移动的步长。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeros added around the input: a number, &apos;same&apos; (keep the size) or &apos;valid&apos; (none).</source>
        <translation>在输入四周补零：一个数字，&apos;same&apos;（保持尺寸不变）或 &apos;valid&apos;（不填充）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeps the largest value in each window.</source>
        <translation>保留每个窗口中的最大值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shrinks feature maps by taking the maximum of each pool_size window: cheap, no parameters, and a little invariance to small shifts.</source>
        <translation>取每个 pool_size 窗口的最大值来缩小特征图：计算量小、没有参数，并对微小平移有一定的不变性。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height and width of each window.</source>
        <translation>每个窗口的高和宽。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step between windows; empty means the same as pool_size.</source>
        <translation>窗口之间的步长；留空表示与 pool_size 相同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Padding around the input.</source>
        <translation>输入四周的填充。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Averages each window.</source>
        <translation>对每个窗口取平均值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shrinks feature maps by averaging each pool_size window (padding counts as zeros). No parameters.</source>
        <translation>对每个 pool_size 窗口取平均来缩小特征图（填充部分按零计算）。没有参数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Randomly silences units while training.</source>
        <translation>训练时随机让一部分单元失活。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>During training each value is zeroed with probability rate and the rest are scaled by 1/(1 − rate) (inverted dropout), so nothing changes at test time. Fights overfitting.</source>
        <translation>训练时每个值以概率 rate 被置零，其余的值乘以 1/(1 − rate)（反向随机失活，inverted dropout），因此测试时无需任何改变。用于对抗过拟合。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probability of dropping each value.</source>
        <translation>每个值被丢弃的概率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normalises each feature over the mini-batch.</source>
        <translation>在小批量上对每个特征做归一化。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtracts the batch mean and divides by the batch standard deviation of each feature (or channel), then scales by γ and shifts by β. Running averages are used at test time. Makes deep networks train faster and less sensitive to initialisation.</source>
        <translation>对每个特征（或通道）减去批次均值、除以批次标准差，再乘以 γ 并加上 β。测试时使用滑动平均的统计量。能让深层网络训练得更快，并降低对初始化的敏感程度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of the newest batch in the running statistics.</source>
        <translation>最新一个批次在滑动统计量中所占的权重。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to the variance to avoid dividing by zero.</source>
        <translation>加到方差上，避免除以零。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max(0, x).</source>
        <translation>max(0, x)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectified linear unit: passes positives, zeroes negatives. Does not saturate for positive inputs, so gradients flow through deep networks.</source>
        <translation>修正线性单元：正数原样通过，负数置零。正输入时不会饱和，因此梯度能在深层网络中顺利传播。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x if x &gt; 0, else slope·x.</source>
        <translation>x &gt; 0 时为 x，否则为 slope·x。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Like ReLU but lets a small gradient through for negative inputs, so units cannot die.</source>
        <translation>与 ReLU 类似，但负输入时仍让一个小梯度通过，因此神经元不会“死亡”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slope for negative inputs.</source>
        <translation>负输入部分的斜率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 / (1 + e^−x), between 0 and 1.</source>
        <translation>1 / (1 + e^−x)，取值在 0 到 1 之间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The classic squashing function. Saturates at 0 and 1, where its gradient vanishes: the reason deep sigmoid networks learn slowly.</source>
        <translation>经典的挤压函数。在 0 和 1 附近饱和，梯度在那里消失：这正是深层 sigmoid 网络学得慢的原因。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tanh(x), between −1 and 1.</source>
        <translation>tanh(x)，取值在 −1 到 1 之间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A zero-centred sigmoid. Still saturates, but usually trains better than sigmoid.</source>
        <translation>以零为中心的 sigmoid。仍会饱和，但通常比 sigmoid 训练得更好。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turns scores into probabilities that sum to 1.</source>
        <translation>把得分变成和为 1 的概率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exp(x_i) / Σ exp(x_j) over the features. Put it last in a classifier; with the cross-entropy loss it is fused for numerical stability.</source>
        <translation>在特征上计算 exp(x_i) / Σ exp(x_j)。放在分类器的最后一层；与交叉熵损失一起使用时会合并计算，以保证数值稳定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x if x &gt; 0, else α·(e^x − 1).</source>
        <translation>x &gt; 0 时为 x，否则为 α·(e^x − 1)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponential linear unit: smooth, negative outputs push mean activations to zero.</source>
        <translation>指数线性单元：处处平滑，负输出把激活值的均值推向零。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value approached for large negative inputs (−α).</source>
        <translation>输入为很大的负数时趋近的值（−α）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 if x &gt; 0, else 0: the perceptron&apos;s threshold.</source>
        <translation>x &gt; 0 时为 1，否则为 0：感知机的阈值函数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rosenblatt&apos;s threshold unit. Its gradient is zero everywhere, which is exactly why backpropagation needed smooth activations.</source>
        <translation>Rosenblatt 的阈值单元。它的梯度处处为零，这正是反向传播需要平滑激活函数的原因。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The identity: y = x.</source>
        <translation>恒等函数：y = x。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passes values through unchanged. Useful as a named point in a graph.</source>
        <translation>让数值原样通过。可作为计算图中一个有名字的节点。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds its inputs element by element.</source>
        <translation>把各个输入逐元素相加。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sums two or more inputs of the same shape. With an identity branch it makes a residual (skip) connection: y = x + F(x).</source>
        <translation>把两个或更多形状相同的输入相加。配合恒等分支即构成残差（跳跃）连接：y = x + F(x)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joins its inputs along one axis.</source>
        <translation>沿一个维度拼接各个输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacks two or more inputs side by side along axis (1 = features or channels); the other axes must match.</source>
        <translation>把两个或更多输入沿 axis 维度并排拼接（1 = 特征或通道）；其余维度必须一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Axis to join along, counting the batch as 0.</source>
        <translation>拼接所沿的维度，批次维度记为 0。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looks up a learned vector for each id (word, character).</source>
        <translation>为每个编号（词、字符）查出一个学到的向量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Row k of the table W (num_embeddings, embedding_dim) is the vector of id k: ids (T,) become vectors (T, embedding_dim). Equivalent to a one-hot vector times W, without building the one-hot. word2vec&apos;s word vectors are such a table.</source>
        <translation>表 W（num_embeddings, embedding_dim）的第 k 行就是编号 k 的向量：编号 (T,) 变成向量 (T, embedding_dim)。等价于独热向量乘以 W，但不必构造独热向量。word2vec 的词向量就是这样一张表。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vocabulary size: ids run from 0 to num_embeddings − 1.</source>
        <translation>词表大小：编号从 0 到 num_embeddings − 1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of each vector.</source>
        <translation>每个向量的长度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the vectors start (normal, std 1, as torch).</source>
        <translation>向量的初始值（正态分布，标准差 1，与 torch 相同）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A recurrent layer: reads a sequence step by step.</source>
        <translation>循环层：逐个时间步读取序列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At each time step h_t = tanh(x_t·W + h_(t−1)·U + b), starting from h_0 = 0: the hidden state h carries what it has seen. Trained by backpropagation through time; gradients through many steps vanish or explode, so it forgets what came long ago.</source>
        <translation>每个时间步 h_t = tanh(x_t·W + h_(t−1)·U + b)，从 h_0 = 0 开始：隐藏状态 h 携带它已看到的信息。用随时间反向传播训练；梯度经过很多步会消失或爆炸，所以它会忘记很久以前的内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbers in the hidden state h (its outputs).</source>
        <translation>隐藏状态 h 中的数值个数（即它的输出）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-linearity of the hidden state: tanh or relu.</source>
        <translation>隐藏状态的非线性函数：tanh 或 relu。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output the hidden state at every step (T, units), for another recurrent layer or a Dense on every step; else only the last step&apos;s (units,).</source>
        <translation>输出每个时间步的隐藏状态 (T, units)，供下一个循环层或逐步作用的 Dense 使用；否则只输出最后一步的 (units,)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a learned bias to every gate.</source>
        <translation>为每个门加上一个可学习的偏置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A recurrent layer with gates that decide what to remember.</source>
        <translation>带有门控的循环层，由门决定记住什么。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long short-term memory: a cell c_t = f⊙c_(t−1) + i⊙g carries information across steps, the forget gate f, input gate i and output gate o (sigmoids between 0 and 1) decide what is kept, written and shown: h_t = o⊙tanh(c_t). The cell lets gradients flow over many steps, so it remembers what a plain RNN forgets.</source>
        <translation>长短期记忆：细胞 c_t = f⊙c_(t−1) + i⊙g 跨时间步携带信息，遗忘门 f、输入门 i 和输出门 o（取值在 0 到 1 之间的 sigmoid）决定保留、写入和输出什么：h_t = o⊙tanh(c_t)。细胞让梯度能流过很多步，所以它能记住普通 RNN 会忘记的内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The value of every entry.</source>
        <translation>每个元素的值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard deviation.</source>
        <translation>标准差。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean.</source>
        <translation>均值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values are drawn from U(−limit, limit).</source>
        <translation>数值从 U(−limit, limit) 中抽取。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean squared error: the average of (output − target)² over every element.</source>
        <translation>均方误差：对所有元素求 (输出 − 目标)² 的平均值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Softmax cross-entropy: −log of the probability the network gives the true class, averaged over the batch.</source>
        <translation>Softmax 交叉熵：网络赋予真实类别的概率取 −log，再对批次求平均。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sigmoid cross-entropy for yes/no targets: −[t·log p + (1 − t)·log(1 − p)] with p = sigmoid(output), averaged over every element.</source>
        <translation>用于是/否目标的 Sigmoid 交叉熵：−[t·log p + (1 − t)·log(1 − p)]，其中 p = sigmoid(输出)，对所有元素求平均。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiclass SVM loss: Σ over wrong classes of max(0, s_wrong − s_true + 1), averaged over the batch; zero once the true class wins by a margin of 1.</source>
        <translation>多分类 SVM 损失：对所有错误类别求 max(0, s_wrong − s_true + 1) 之和，再对批次求平均；一旦真实类别的得分领先至少 1 的间隔，损失即为零。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>word2vec&apos;s loss: −log σ(s_true) − Σ over the k negatives of log σ(−s_negative), averaged over the batch; the targets name the true word and the negatives (the words data source draws them).</source>
        <translation>word2vec 的损失：−log σ(s_真) − Σ（对 k 个负样本）log σ(−s_负)，在批上取平均；目标给出真实词和负样本（由 words 数据源抽取）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stochastic gradient descent: w ← w − lr·g, the plain downhill step.</source>
        <translation>随机梯度下降（SGD）：w ← w − lr·g，最朴素的下坡一步。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate: how far each step moves the weights.</source>
        <translation>学习率：每一步让权重移动多远。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the previous step kept: a heavy ball rolling downhill.</source>
        <translation>保留上一步的比例：像一个滚下山坡的重球。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scales the new gradient by (1 − dampening) in the momentum buffer.</source>
        <translation>在动量缓冲区中把新梯度乘以 (1 − dampening)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 penalty: adds weight_decay·w to every gradient (all parameters, biases too).</source>
        <translation>L2 惩罚：在每个梯度上加 weight_decay·w（所有参数，包括偏置）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nesterov momentum: look ahead along the momentum before stepping.</source>
        <translation>Nesterov 动量：先沿动量方向向前看一步，再更新。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGD with momentum 0.9: steps accumulate velocity, smoothing zig-zags.</source>
        <translation>带动量 0.9 的 SGD：每一步积累速度，使锯齿状的路径变得平滑。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AdaGrad: divides each step by the root of that weight&apos;s summed squared gradients, so often-updated weights slow down.</source>
        <translation>AdaGrad：每一步除以该权重历次梯度平方和的平方根，因此更新频繁的权重会慢下来。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate at step t is lr / (1 + (t − 1)·lr_decay).</source>
        <translation>第 t 步的学习率为 lr / (1 + (t − 1)·lr_decay)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting value of the summed squared gradients.</source>
        <translation>梯度平方和的初始值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to the denominator for stability.</source>
        <translation>加到分母上以保证数值稳定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RMSProp: divides each step by a running average of recent squared gradients.</source>
        <translation>RMSProp：每一步除以近期梯度平方的滑动平均（的平方根）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smoothing constant of the squared-gradient average.</source>
        <translation>梯度平方平均值的平滑系数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Momentum on the scaled steps.</source>
        <translation>作用在缩放后步长上的动量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Divide by the gradient&apos;s estimated variance instead of its raw square.</source>
        <translation>除以梯度的估计方差，而不是梯度的原始平方。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam: momentum plus RMSProp-style scaling, with bias correction for the first steps.</source>
        <translation>Adam：动量加上 RMSProp 式的缩放，并对最初几步做偏差修正。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decay rates of the running mean of the gradient and of its square.</source>
        <translation>梯度及梯度平方的滑动平均的衰减率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AMSGrad: divide by the largest squared-gradient average seen so far.</source>
        <translation>AMSGrad：除以迄今为止出现过的最大梯度平方平均值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AdamW: Adam with weight decay applied to the weights directly, not through the gradient.</source>
        <translation>AdamW：权重衰减直接作用在权重上（而不是通过梯度）的 Adam。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shrinks every weight by lr·weight_decay·w each step, apart from the gradient (decoupled weight decay).</source>
        <translation>每一步在梯度之外，把每个权重减小 lr·weight_decay·w（解耦权重衰减）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The loss to minimise; &apos;auto&apos; is cross_entropy for classification data and mse for regression.</source>
        <translation>要最小化的损失函数；&apos;auto&apos; 在分类数据上使用 cross_entropy，在回归数据上使用 mse。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The optimiser: its type and that type&apos;s settings (torch.optim&apos;s defaults).</source>
        <translation>优化器：它的类型及该类型的设置（默认值与 torch.optim 相同）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>false, true (the defaults below) or an object: stop when the validation loss has not improved for `patience` epochs.</source>
        <translation>false、true（使用下面的默认值）或一个对象：验证集损失连续 `patience` 轮没有改善时停止训练。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples per mini-batch: one optimiser step per batch.</source>
        <translation>每个小批量的样本数：每个批次执行一次优化器更新。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passes over the training split before training stops.</source>
        <translation>训练停止前遍历训练集的轮数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed for the initial weights, shuffling and dropout.</source>
        <translation>用于初始权重、打乱顺序和随机失活（Dropout）的随机种子。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shuffle the training split every epoch.</source>
        <translation>每一轮都打乱训练集的顺序。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs without improvement before stopping.</source>
        <translation>没有改善多少轮之后停止。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The smallest decrease of the loss that counts as an improvement.</source>
        <translation>损失至少下降多少才算作改善。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put back the weights of the best epoch when stopping.</source>
        <translation>停止时恢复最佳一轮的权重。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toy 2-D classification</source>
        <translation>二维玩具分类数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points in the plane, as in TensorFlow Playground: watch the decision boundary form.</source>
        <translation>平面上的点，和 TensorFlow Playground 一样：观察决策边界如何形成。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which dataset.</source>
        <translation>选择哪个数据集。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of points generated.</source>
        <translation>生成的点数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How noisy the data is, from 0 (clean) to 0.5 (very noisy).</source>
        <translation>数据的噪声大小，从 0（无噪声）到 0.5（噪声很大）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of spiral arms (spiral only).</source>
        <translation>螺旋臂的条数（仅用于螺旋数据）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the network receives of each point, as in TensorFlow Playground: x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂. A linear model solves the circle with x₁² and x₂².</source>
        <translation>网络从每个点得到哪些输入特征，和 TensorFlow Playground 一样：x₁、x₂、x₁²、x₂²、x₁x₂、sin x₁、sin x₂。有了 x₁² 和 x₂²，线性模型也能解决圆形数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the samples held out to watch for overfitting while training.</source>
        <translation>留作验证集的样本比例，用于在训练时观察是否过拟合。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction held out until the end, for an honest final score.</source>
        <translation>留作测试集直到最后才使用的样本比例，用于给出公正的最终成绩。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift and scale every input feature (image channel) to mean 0 and standard deviation 1, using the training split&apos;s statistics only.</source>
        <translation>把每个输入特征（图像通道）平移、缩放到均值为 0、标准差为 1，只使用训练集的统计量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed: the same seed gives the same samples and the same split.</source>
        <translation>随机种子：相同的种子得到相同的样本和相同的划分。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A disc of one class inside a ring of the other: needs a curved boundary.</source>
        <translation>一类点组成圆盘，被另一类点组成的圆环包围：需要弯曲的决策边界。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclusive or</source>
        <translation>异或</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opposite quadrants share a class: what a single perceptron cannot learn.</source>
        <translation>对角的象限属于同一类：单个感知机学不会的问题。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two Gaussians</source>
        <translation>两个高斯分布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two blobs, separable by a straight line: the easiest start.</source>
        <translation>两团点，可以用一条直线分开：最简单的入门数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interleaved spiral arms: needs depth, or hand-made features like sin x.</source>
        <translation>相互交错的螺旋臂：需要更深的网络，或 sin x 这样手工构造的特征。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two moons</source>
        <translation>双月牙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two interlocking half-moons: a gently curved boundary.</source>
        <translation>两个相互咬合的半月形：决策边界略微弯曲。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linearly separable</source>
        <translation>线性可分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two classes on either side of a straight line with a gap: the perceptron&apos;s home ground.</source>
        <translation>两类点分处一条直线两侧，中间留有间隔：感知机的主场。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random labels</source>
        <translation>随机标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels drawn at random: a network can only memorise them, so validation accuracy stays at chance. Overfitting made visible.</source>
        <translation>标签是随机抽取的：网络只能死记硬背，所以验证集准确率停留在随机猜测的水平。让过拟合一目了然。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drawn points</source>
        <translation>手绘点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points you place on the plane yourself, each with its class.</source>
        <translation>你自己在平面上放置的点，每个点都有自己的类别。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The points, each [x, y, class] with the class numbered from 0.</source>
        <translation>各个点，每个点为 [x, y, class]，类别从 0 开始编号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of classes; empty means one more than the largest class drawn (at least 2).</source>
        <translation>类别数；留空表示比画出的最大类别编号多 1（至少为 2）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toy regression</source>
        <translation>玩具回归数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A curve or surface to fit with the mse loss.</source>
        <translation>用 mse 损失拟合的一条曲线或一个曲面。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of points generated (500 for sine, 1200 for the others).</source>
        <translation>生成的点数（正弦曲线为 500，其余为 1200）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sine curve</source>
        <translation>正弦曲线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>y = sin x on [−6, 6]: the simplest curve a network must bend to fit.</source>
        <translation>[−6, 6] 上的 y = sin x：网络必须“弯曲”才能拟合的最简单曲线。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plane</source>
        <translation>平面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A tilted plane, (x₁ + x₂)/10: one linear neuron is enough.</source>
        <translation>一个倾斜的平面 (x₁ + x₂)/10：一个线性神经元就够了。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Six bumps</source>
        <translation>六个凸起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Six bumps of alternating sign: needs several hidden units, one per bump.</source>
        <translation>正负交替的六个凸起：需要多个隐藏单元，每个凸起一个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundled dataset</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small real datasets shipped with nnstudio (UCI, CC BY 4.0).</source>
        <translation>随 nnstudio 附带的小型真实数据集（UCI，CC BY 4.0）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iris flowers</source>
        <translation>鸢尾花</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>150 flowers, 4 measurements, 3 species: the classic first table.</source>
        <translation>150 朵花，4 项测量值，3 个品种：经典的入门表格数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wine</source>
        <translation>葡萄酒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>178 wines, 13 chemical measurements, 3 cultivars: features on very different scales, so standardising matters.</source>
        <translation>178 种葡萄酒，13 项化学测量值，3 个品种：各特征的量级相差很大，所以标准化很重要。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breast cancer (Wisconsin)</source>
        <translation>乳腺癌（威斯康星）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>569 tumours, 30 cell-nucleus measurements: malignant or benign.</source>
        <translation>569 个肿瘤，30 项细胞核测量值：恶性还是良性。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handwritten digits 8×8</source>
        <translation>8×8 手写数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1797 tiny grey images of the digits 0–9: a first convolutional network.</source>
        <translation>1797 张数字 0–9 的小灰度图像：适合第一个卷积网络。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A table: one sample per row, numeric feature columns and one target column.</source>
        <translation>一张表格：每行一个样本，若干数值特征列和一个目标列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The CSV file, relative to the design&apos;s folder.</source>
        <translation>CSV 文件，路径相对于设计文件所在的文件夹。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target column: its name, or its index counting from 0; empty means the last column.</source>
        <translation>目标列：列名，或从 0 开始的列序号；留空表示最后一列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The feature columns (names or indices counting from 0), in this order; empty means every column except the target.</source>
        <translation>特征列（列名或从 0 开始的列序号），按此顺序；留空表示除目标列以外的所有列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The field separator; &apos;auto&apos; detects comma, semicolon or tab.</source>
        <translation>字段分隔符；&apos;auto&apos; 会自动识别逗号、分号或制表符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether the first line holds column names; &apos;auto&apos; detects it.</source>
        <translation>第一行是否为列名；&apos;auto&apos; 会自动识别。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;auto&apos;: text targets, or whole-number targets with few distinct values, make a classification task; anything else regression.</source>
        <translation>&apos;auto&apos;：目标为文本，或为取值种类很少的整数时，作为分类任务；其他情况作为回归任务。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop the rows with a missing value instead of refusing the file.</source>
        <translation>丢弃含缺失值的行，而不是拒绝整个文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NumPy .npz file</source>
        <translation>NumPy .npz 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrays saved with numpy.savez: inputs (N, features) or images (N, C, H, W), and targets.</source>
        <translation>用 numpy.savez 保存的数组：输入 (N, features) 或图像 (N, C, H, W)，以及目标。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The .npz file, relative to the design&apos;s folder.</source>
        <translation>.npz 文件，路径相对于设计文件所在的文件夹。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the input array.</source>
        <translation>输入数组的名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the target array.</source>
        <translation>目标数组的名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read inputs of shape (samples, time steps, features) as sequences for a recurrent network (and (samples, time steps) as one feature per step), instead of as grey images.</source>
        <translation>把形状为（样本, 时间步, 特征）的输入读作供循环网络使用的序列（（样本, 时间步）读作每步一个特征），而不是灰度图像。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A folder with one sub-folder of images per class (PNG, JPEG, PGM/PPM), the class named after its sub-folder.</source>
        <translation>一个文件夹，每个类别的图像（PNG、JPEG、PGM/PPM）放在一个子文件夹中，类别以子文件夹命名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder holding one sub-folder per class, relative to the design&apos;s folder.</source>
        <translation>每个类别一个子文件夹的那个文件夹，路径相对于设计文件所在的文件夹。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every image is resized to this height and width (one number for a square) by averaging the pixels each new pixel covers.</source>
        <translation>每张图像都缩放到这个高和宽（一个数字表示正方形），新像素取其覆盖的原像素的平均值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One grey channel, or three colour channels (red, green, blue).</source>
        <translation>一个灰度通道，或三个颜色通道（红、绿、蓝）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MNIST IDX files</source>
        <translation>MNIST IDX 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images and labels in the IDX format of MNIST and Fashion-MNIST, plain or .gz.</source>
        <translation>MNIST 和 Fashion-MNIST 所用 IDX 格式的图像和标签，未压缩或 .gz 均可。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The images file (e.g. train-images-idx3-ubyte.gz), relative to the design&apos;s folder.</source>
        <translation>图像文件（例如 train-images-idx3-ubyte.gz），路径相对于设计文件所在的文件夹。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The labels file (e.g. train-labels-idx1-ubyte.gz), relative to the design&apos;s folder.</source>
        <translation>标签文件（例如 train-labels-idx1-ubyte.gz），路径相对于设计文件所在的文件夹。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequences</source>
        <translation>序列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated sequences (samples, time steps, features) for recurrent networks: the next value of a curve, or a class that needs memory.</source>
        <translation>为循环网络生成的序列（样本, 时间步, 特征）：预测曲线的下一个值，或一个需要记忆的类别。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of sequences generated.</source>
        <translation>生成的序列数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time steps in each sequence.</source>
        <translation>每个序列的时间步数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise added to the curves&apos; values (the next-value tasks only).</source>
        <translation>加到曲线值上的噪声（仅用于预测下一个值的任务）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many different symbols (the first-equals-last task only).</source>
        <translation>不同符号的个数（仅用于“首尾是否相同”任务）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sine: the next value</source>
        <translation>正弦：下一个值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A stretch of a sine curve from a random start: predict the value that comes next (regression, mse).</source>
        <translation>从随机起点开始的一段正弦曲线：预测接下来的值（回归，mse）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sum of sines: the next value</source>
        <translation>正弦之和：下一个值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sin t + ½ sin 3t from a random start: a wavier curve whose next value depends on more of the past.</source>
        <translation>从随机起点开始的 sin t + ½ sin 3t：更曲折的曲线，下一个值取决于更多的过去。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Is the first symbol the last?</source>
        <translation>第一个符号和最后一个相同吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random symbols, one-hot: is the last one the same as the first? Only the first step tells, so the network must carry it through every step to the end.</source>
        <translation>随机符号，独热编码：最后一个是否与第一个相同？只有第一步给出答案，所以网络必须把它一步步带到最后。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parity of a bit string</source>
        <translation>比特串的奇偶性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random bits: is their count odd? Every step matters until the end.</source>
        <translation>随机比特：1 的个数是奇数吗？直到最后每一步都有影响。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text, character by character</source>
        <translation>文本，逐个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A bundled text cut into windows of characters: predict the next character. The inputs are character ids for an Embedding.</source>
        <translation>把内置文本切成字符窗口：预测下一个字符。输入是供 Embedding 使用的字符编号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters the network reads before predicting the next one.</source>
        <translation>网络在预测下一个字符之前读入的字符数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters between the starts of two windows.</source>
        <translation>相邻两个窗口起点之间相隔的字符数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always off: the inputs are the ids of characters or words, not measurements.</source>
        <translation>始终关闭：输入是字符或词的编号，不是测量值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nursery rhymes (English)</source>
        <translation>童谣（英文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two traditional rhymes that repeat themselves, 3 500 characters: a first text for a character model.</source>
        <translation>两首不断重复的传统童谣，共 3 500 个字符：字符模型的入门文本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word corpus (English)</source>
        <translation>词语料（英文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 500 simple English sentences about kings and queens, pets, numbers, colours, cities and fruit.</source>
        <translation>1 500 个简单的英文句子，关于国王和王后、宠物、数字、颜色、城市和水果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word corpus (Chinese)</source>
        <translation>词语料（中文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 500 simple Chinese sentences, segmented into words, on the same topics.</source>
        <translation>1 500 个已分词的简单中文句子，话题相同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words for word2vec</source>
        <translation>word2vec 的词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A bundled corpus as word2vec examples: a word and a word near it (skip-gram), or the words around one (CBOW), each with negatives drawn from the unigram^0.75 distribution, for the negative_sampling loss.</source>
        <translation>把内置语料做成 word2vec 样本：一个词和它附近的一个词（skip-gram），或一个词周围的词（CBOW），每个样本带有按 词频^0.75 分布抽取的负样本，供 negative_sampling 损失使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipgram: predict each word near the centre from the centre; cbow: predict the centre from the mean of the words around it.</source>
        <translation>skipgram：由中心词预测它附近的每个词；cbow：由周围词的平均预测中心词。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many words on each side of the centre count as its context.</source>
        <translation>中心词两侧各有多少个词算作它的上下文。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words drawn at random for each example, whose scores the loss pushes down (negative sampling).</source>
        <translation>为每个样本随机抽取的词，损失会压低它们的分数（负采样）。</translation>
    </message>
</context>
<context>
    <name>CatalogProblem</name>
    <message>
        <location filename="../../nnstudio/gui/catalog_text.py" line="+35"/>
        <source>must be an integer, got {value}</source>
        <extracomment>translation context of the catalogues&apos; summaries, help texts and titles translation context of the node type names, as the palette and inspector show them translation context of the catalogue&apos;s verdicts on a value the verdicts of nnstudio.core.catalog.check_value, {value} being the refused value&apos;s repr</extracomment>
        <translation>必须是整数，而输入的是 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a number, got {value}</source>
        <translation>必须是数字，而输入的是 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be greater than {limit}, got {value}</source>
        <translation>必须大于 {limit}，而输入的是 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be at least {limit}, got {value}</source>
        <translation>不能小于 {limit}，而输入的是 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be less than {limit}, got {value}</source>
        <translation>必须小于 {limit}，而输入的是 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be at most {limit}, got {value}</source>
        <translation>不能大于 {limit}，而输入的是 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be true or false, got {value}</source>
        <translation>必须是 true 或 false，而输入的是 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a pair of numbers such as [0.9, 0.999], got {value}</source>
        <translation>必须是一对数字，例如 [0.9, 0.999]，而输入的是 {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a pair of numbers, got {value}</source>
        <translation>必须是一对数字，而输入的是 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a number or a pair [height, width], got {value}</source>
        <translation>必须是一个数字或一对 [高, 宽]，而输入的是 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be an integer or a pair [height, width], got {value}</source>
        <translation>必须是一个整数或一对 [高, 宽]，而输入的是 {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be an integer or a pair [height, width], &apos;same&apos; or &apos;valid&apos;, got {value}</source>
        <translation>必须是一个整数、一对 [高, 宽]、&apos;same&apos; 或 &apos;valid&apos;，而输入的是 {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be a list of positive integers such as [2] or [1, 28, 28], got {value}</source>
        <translation>必须是一组正整数，例如 [2] 或 [1, 28, 28]，而输入的是 {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must have one to three dimensions, got {value}</source>
        <translation>必须有一到三个维度，而输入的有 {value} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be one of {names}, got {value}</source>
        <translation>必须是 {names} 之一，实际为 {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{type} has no parameter {name}; it takes {names}</source>
        <translation>{type} 没有参数 {name}；它的参数有 {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{type} has no parameter {name}</source>
        <translation>{type} 没有参数 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{type} needs {name}</source>
        <translation>{type} 需要 {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>initialiser {name}: {key} must be a number, got {value}</source>
        <translation>初始化器 {name}：{key} 必须是数，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>initialiser {name}: {key} must be at least {limit}, got {value}</source>
        <translation>初始化器 {name}：{key} 必须不小于 {limit}，实际为 {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>initialiser {name}: {key} must be at most {limit}, got {value}</source>
        <translation>初始化器 {name}：{key} 必须不大于 {limit}，实际为 {value}</translation>
    </message>
</context>
<context>
    <name>ConfusionPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/images/confusion.py" line="+63"/>
        <source>Confusion matrix</source>
        <extracomment>with more classes than this the counts are not written (the cells are too small) a cell whose colour is deeper than this gets white text the palest tint of a cell with any count, so that a single mistake still shows</extracomment>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>predicted class</source>
        <extracomment>the Snapshot probes this panel draws (the feeder skips snapshots without them)</extracomment>
        <translation>预测类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Accuracy {accuracy:.1%} on {total} {split} samples · rows: true class</source>
        <translation>{total} 个{split}样本上的准确率 {accuracy:.1%} · 行：真实类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The confusion matrix is drawn for classification</source>
        <translation>混淆矩阵只针对分类任务绘制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For points in the plane the decision boundary shows which classes the network confuses</source>
        <translation>对于平面上的点，决策边界能显示网络把哪些类别混淆了</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press Play to train: how often each class is taken for another appears here</source>
        <translation>按“播放”开始训练：这里会显示每个类别被误认为其他类别的次数</translation>
    </message>
</context>
<context>
    <name>CopyDetailsButton</name>
    <message>
        <location filename="../../nnstudio/gui/data/loader.py" line="+168"/>
        <source>Copy details</source>
        <extracomment>datasets kept for undo, redo and the preview of an edit just applied: at most this many, and beyond the newest one no more than CACHE_BYTES of arrays in all what a finished load reports: the dataset (None on failure) and the problem (&quot;&quot; if none) (dataset or None, problem or &quot;&quot;, traceback of an unexpected error or &quot;&quot;)</extracomment>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy what went wrong, in full, to paste into a bug report.</source>
        <translation>复制完整的出错信息，以便粘贴到错误报告中。</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <location filename="../../nnstudio/gui/imports/csv_dialog.py" line="+52"/>
        <source>Import a CSV table</source>
        <extracomment>data rows shown in the preview table missing-value lines quoted in the message before &quot;…&quot; a missing value, or text among numbers</extracomment>
        <translation>导入 CSV 表格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a CSV file</source>
        <translation>选择 CSV 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Comma ,</source>
        <translation>逗号 ,</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semicolon ;</source>
        <translation>分号 ;</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First row names the columns</source>
        <translation>第一行是列名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No header row</source>
        <translation>没有表头行</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All numeric</source>
        <translation>所有数值列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop the rows with missing values</source>
        <translation>丢弃含缺失值的行</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Target column</source>
        <translation>目标列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Feature columns</source>
        <translation>特征列</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} rows</source>
        <translation>{n} 行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the first {n} rows</source>
        <translation>前 {n} 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{delimiter}-separated, {header}; {scanned} read</source>
        <translation>{delimiter}分隔，{header}；已读取 {scanned}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with a header row</source>
        <translation>有表头行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no header row</source>
        <translation>没有表头行</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>numbers and text</source>
        <translation>数值和文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>numbers</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Line in the file</source>
        <translation>文件中的行号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not used</source>
        <translation>不使用</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Only columns of numbers can be features.</source>
        <translation>只有数值列才能作为特征。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Regression needs a target of numbers.</source>
        <translation>回归任务需要数值型的目标。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Predicts the number in {name}.</source>
        <translation>预测 {name} 中的数值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} classes</source>
        <translation>{n} 个类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} classes in the rows read</source>
        <translation>已读取的行中有 {n} 个类别</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No missing values in the chosen columns.</source>
        <translation>所选列中没有缺失值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No missing values in the rows read.</source>
        <translation>已读取的行中没有缺失值。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows with missing values: {n}, in {where}; line {lines}.</source>
        <translation>含缺失值的行：{n} 行，位于 {where}；行号 {lines}。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Column {name}, line {line}: {cell} is not a number. Correct the file, or untick the column.</source>
        <translation>第 {line} 行的 {name} 列：{cell} 不是数值。请修改文件，或取消勾选这一列。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Some rows have missing values: tick &quot;Drop the rows with missing values&quot;, or fill them in.</source>
        <translation>有些行含有缺失值：请勾选“丢弃含缺失值的行”，或把缺失值补上。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Feature columns: {features}; target: {target}. The whole file is checked when you press Import.</source>
        <translation>特征列：{features}；目标：{target}。按“导入”时会检查整个文件。</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Choose a file to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file has a single column: check the delimiter.</source>
        <translation>文件只有一列：请检查分隔符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The target column {name} holds no values.</source>
        <translation>目标列 {name} 中没有数值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The target column {name} holds text: regression needs numbers; choose classification.</source>
        <translation>目标列 {name} 中是文本：回归任务需要数值；请选择“分类”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The target column {name} has only one class; a classifier needs at least two.</source>
        <translation>目标列 {name} 只有一个类别；分类器至少需要两个类别。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose at least one feature column.</source>
        <translation>请至少选择一个特征列。</translation>
    </message>
</context>
<context>
    <name>CurvePanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/curve.py" line="+32"/>
        <source>Fitted curve</source>
        <translation>拟合曲线</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation data</source>
        <translation>验证数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The fitted curve is drawn for regression data with one input</source>
        <translation>拟合曲线只针对只有一个输入的回归数据绘制</translation>
    </message>
</context>
<context>
    <name>DataChoices</name>
    <message>
        <location filename="../../nnstudio/gui/data/choices.py" line="+62"/>
        <source>2-D classification</source>
        <extracomment>keys a new choice keeps from the current data section when its source takes them keys kept too when the new choice is of the same source the chooser&apos;s groups (str(): QT_TRANSLATE_NOOP is typed as returning object, not its text)</extracomment>
        <translation>二维分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regression curves and planes</source>
        <translation>回归曲线与平面</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Real tables</source>
        <translation>真实表格数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequences</source>
        <translation>序列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text, character by character</source>
        <translation>文本，逐个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words (word2vec)</source>
        <translation>词（word2vec）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw your own</source>
        <translation>自己绘制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported files</source>
        <translation>导入的文件</translation>
    </message>
</context>
<context>
    <name>DataLoader</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="+33"/>
        <source>There is not enough memory to load this data.</source>
        <translation>内存不足，无法加载这些数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data could not be read: the loading stopped without saying why.</source>
        <translation>无法读取数据：加载意外中止，未说明原因。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data could not be read: {problem}</source>
        <translation>无法读取数据：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data section cannot be read: {problem}</source>
        <translation>无法读取数据设置：{problem}</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../nnstudio/gui/data/panel.py" line="+102"/>
        <source>Import…</source>
        <extracomment>the role of a chooser entry&apos;s Choice where the import dialogs live (built separately; Import… is off until they are there) what the preview shows (see loader.load_key), &quot;&quot; before the first preview</extracomment>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove every point</source>
        <translation>删除所有点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click the plot to add a point of this class, right-click to remove one.</source>
        <translation>单击图表可添加一个该类别的点，右键单击可删除一个点。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Draw your data</source>
        <translation>绘制你的数据</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Open a file with Import…</source>
        <translation>用“导入…”打开一个文件</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/catalog_text.py" line="+7"/>
        <location filename="../../nnstudio/gui/data/panel.py" line="+65"/>
        <source>class {k}</source>
        <extracomment>the name nnstudio.data.sources gives class k of a dataset that names none; the data dock&apos;s class picker shows the same words</extracomment>
        <translation>类别 {k}</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/data/panel.py" line="+35"/>
        <source>Data: {title}</source>
        <translation>数据：{title}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Set {setting} to {value}</source>
        <translation>把 {setting} 设为 {value}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Features: {features}</source>
        <translation>特征：{features}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add a point of {name}</source>
        <translation>添加一个点：{name}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove a point</source>
        <translation>删除一个点</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The points are now drawn points you can edit; Undo brings the generated data back</source>
        <translation>这些点现在变成了可以编辑的手绘点；“撤销”可以恢复原来生成的数据</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Clear the points</source>
        <translation>清除这些点</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No importers available</source>
        <translation>没有可用的导入器</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import: {what}</source>
        <translation>导入：{what}</translation>
    </message>
</context>
<context>
    <name>DataParams</name>
    <message>
        <location filename="../../nnstudio/gui/data/params.py" line="+35"/>
        <source>Samples</source>
        <extracomment>keys with their own widgets elsewhere in the panel an int range this small is a slider; larger ones are spin boxes QSpinBox holds a C int the largest fraction offered when the maximum itself is excluded row labels (cast: QT_TRANSLATE_NOOP is typed as returning object, not its text)</extracomment>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standardise</source>
        <translation>标准化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop missing</source>
        <translation>丢弃缺失值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inputs key</source>
        <translation>输入数组名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets key</source>
        <translation>目标数组名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image size</source>
        <translation>图像尺寸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Symbols</source>
        <translation>符号数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequences</source>
        <translation>序列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Negatives</source>
        <translation>负样本数</translation>
    </message>
</context>
<context>
    <name>DataPreview</name>
    <message>
        <location filename="../../nnstudio/gui/data/preview.py" line="+180"/>
        <source>No points yet</source>
        <extracomment>the plane of the 2-D toys: always in view, so drawn points land where expected the image grid: columns, tiles per class, tile size in pixels class rows and statistics rows shown without scrolling no maximum height (Qt&apos;s QWIDGETSIZE_MAX) minimum height of the plot, table or grid</extracomment>
        <translation>还没有点</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each input column over the training split, as loaded (before standardising)</source>
        <translation>训练集中每个输入列的统计量，按加载时的原始数值（标准化之前）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{train} training · {validation} validation · {test} test samples</source>
        <translation>训练集 {train} · 验证集 {validation} · 测试集 {test} 个样本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{train} training (dots) · {validation} validation (diamonds) · {test} test samples; colour: the target, orange negative, blue positive</source>
        <translation>训练集 {train}（圆点）· 验证集 {validation}（菱形）· 测试集 {test} 个样本；颜色表示目标值：橙色为负，蓝色为正</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{train} training (filled) · {validation} validation (rings) · {test} test samples</source>
        <translation>训练集 {train}（实心）· 验证集 {validation}（空心）· 测试集 {test} 个样本</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
</context>
<context>
    <name>DataProblem</name>
    <message>
        <location filename="../../nnstudio/gui/data_text.py" line="+24"/>
        <source>{where} is empty</source>
        <extracomment>translation context of the data layer&apos;s problems the problems of the CSV reader (nnstudio.data.csvtext, nnstudio.data.tables), of class targets, of the split fractions, of paths and of sizes files announce, the more specific first</extracomment>
        <translation>{where} 是空的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} holds no values</source>
        <translation>{where} 里没有任何数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} has a header line but no data rows</source>
        <translation>{where} 只有标题行，没有数据行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} has a single column (separated by {delimiter}), so nothing is left for features besides the target; check the delimiter</source>
        <translation>{where} 只有一列（以 {delimiter} 分隔），除了目标之外没有可作特征的列；请检查分隔符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}, line {line} has {count} fields but the header has {width}; {hint}</source>
        <translation>{where} 第 {line} 行有 {count} 个字段，但标题行有 {width} 个；{hint}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}, line {line} has {count} fields but line {first} has {width}; {hint}</source>
        <translation>{where} 第 {line} 行有 {count} 个字段，但第 {first} 行有 {width} 个；{hint}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a value containing {delimiter} must be in quotes</source>
        <translation>含有 {delimiter} 的值必须放在引号里</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an empty value still needs its {delimiter}</source>
        <translation>空值也需要它的 {delimiter}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}, line {line}: a quote (&quot;) opened on this line is never closed</source>
        <translation>{where} 第 {line} 行：这一行开始的引号（&quot;）没有闭合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}, line {line}: the byte {byte} is not UTF-8 text; save the file as UTF-8 (&quot;CSV UTF-8&quot;)</source>
        <translation>{where} 第 {line} 行：字节 {byte} 不是 UTF-8 文本；请把文件另存为 UTF-8（&quot;CSV UTF-8&quot;）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}, line {line}, column {column}: {problem}</source>
        <translation>{where} 第 {line} 行，列 {column}：{problem}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{cell} is not a number; every column except the target must hold numbers (remove this column, or make it the target)</source>
        <translation>{cell} 不是数字；除目标列外，每一列都必须是数字（删掉这一列，或把它设为目标）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{cell} is not a finite number</source>
        <translation>{cell} 不是有限的数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing value ({count} missing in the file); fill them in, or set drop_missing to drop those rows</source>
        <translation>缺失值（文件中共缺 {count} 个）；请补上，或设置 drop_missing 丢弃这些行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{cell} is text, so the target cannot be predicted by regression; use task classification</source>
        <translation>{cell} 是文本，所以不能用回归预测这个目标；请使用分类任务（task classification）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where}: every row has a missing value</source>
        <translation>{where}：每一行都有缺失值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} has no column named {name} (the file has no header line, so use an index); its columns are: {names}</source>
        <translation>{where} 没有名为 {name} 的列（文件没有标题行，请使用列序号）；它的列是：{names}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where} has no column named {name}; its columns are: {names}</source>
        <translation>{where} 没有名为 {name} 的列；它的列是：{names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>target column {index} does not exist: {where} has {count} columns, numbered 0 to {last}</source>
        <translation>目标列 {index} 不存在：{where} 有 {count} 列，编号从 0 到 {last}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>column {index} does not exist: {where} has {count} columns, numbered 0 to {last}</source>
        <translation>列 {index} 不存在：{where} 有 {count} 列，编号从 0 到 {last}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where} has {count} columns named {name}; give the column&apos;s index instead</source>
        <translation>{where} 有 {count} 列都叫 {name}；请改用列序号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>column {column} is the target, so it cannot be a feature too</source>
        <translation>列 {column} 是目标，不能同时作为特征</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>column {column} is chosen as a feature twice</source>
        <translation>列 {column} 被选为特征两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is UTF-16 text; save it as UTF-8 (&quot;CSV UTF-8&quot;)</source>
        <translation>{where} 是 UTF-16 文本；请另存为 UTF-8（&quot;CSV UTF-8&quot;）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where} is not a text file: it holds binary data (a spreadsheet workbook, perhaps); export it as CSV</source>
        <translation>{where} 不是文本文件：它包含二进制数据（也许是电子表格工作簿）；请导出为 CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the target column {column} has only one class ({name}); a classifier needs at least two</source>
        <translation>目标列 {column} 只有一个类别（{name}）；分类器至少需要两个类别</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>validation + test must leave some samples for training; got {validation} + {test}</source>
        <translation>验证集 + 测试集必须给训练留下样本；现在是 {validation} + {test}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file not found: {path}</source>
        <translation>找不到文件：{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>folder not found: {path}</source>
        <translation>找不到文件夹：{path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder, not a file</source>
        <translation>{path} 是文件夹，不是文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a file, not a folder</source>
        <translation>{path} 是文件，不是文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a named pipe (FIFO), not a regular file</source>
        <translation>{path} 是命名管道（FIFO），不是普通文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a socket, not a regular file</source>
        <translation>{path} 是套接字，不是普通文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a device, not a regular file</source>
        <translation>{path} 是设备，不是普通文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name too long: {name}… has {count} characters, and a file or folder name may have at most {limit}</source>
        <translation>名称过长：{name}… 有 {count} 个字符，而文件或文件夹名最多只能有 {limit} 个</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name too long: {path} is longer than this system allows</source>
        <translation>名称过长：{path} 超出了本系统允许的长度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where} would need {size} of memory to load, but data may take at most {budget} here (half of the memory free now)</source>
        <translation>加载 {where} 需要 {size} 内存，但此处数据最多只能占用 {budget}（当前空闲内存的一半）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where} announces {size} of data, more than its {compressed} of compressed data can hold (damaged, or a decompression bomb)</source>
        <translation>{where} 声称含有 {size} 数据，超过了其 {compressed} 压缩数据所能容纳的量（文件已损坏，或是解压炸弹）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where} announces {width} × {height} pixels, more than the {limit} an image may have (damaged, or a decompression bomb)</source>
        <translation>{where} 声称有 {width} × {height} 像素，超过了图像最多允许的 {limit} 像素（文件已损坏，或是解压炸弹）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where} holds no data: its header announces {shape} values</source>
        <translation>{where} 不含数据：其文件头声明的是 {shape} 个值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is a damaged PNG file: it holds more image data than the {size} bytes its header announces</source>
        <translation>{where} 是损坏的 PNG 文件：其图像数据多于文件头声明的 {size} 字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{where} holds a single array; save inputs and targets together with numpy.savez(path, x=inputs, y=targets)</source>
        <translation>{where} 只含一个数组；请用 numpy.savez(path, x=inputs, y=targets) 把输入和目标保存在一起</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the array {key} in {where} is encrypted; nnstudio reads unencrypted .npz files (as numpy.savez writes them)</source>
        <translation>{where} 中的数组 {key} 已加密；nnstudio 只读取未加密的 .npz 文件（即 numpy.savez 写出的文件）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the array {key} in {where} is compressed with zip method {method}, which nnstudio does not read; save it with numpy.savez or numpy.savez_compressed</source>
        <translation>{where} 中的数组 {key} 使用 zip 压缩方法 {method}，nnstudio 无法读取；请用 numpy.savez 或 numpy.savez_compressed 保存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the array {key} in {where} announces {size} from {compressed} of compressed data, more than that can hold (damaged, or a decompression bomb)</source>
        <translation>{where} 中的数组 {key} 声称由 {compressed} 压缩数据得到 {size}，超过了其所能容纳的量（文件已损坏，或是解压炸弹）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the array {key} in {where} is truncated: its header announces {shape} values of type {dtype}, {size}, but it holds less</source>
        <translation>{where} 中的数组 {key} 不完整：其文件头声明了 {shape} 个 {dtype} 类型的值（{size}），但实际数据更少</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the array {key} in {where} is truncated</source>
        <translation>{where} 中的数组 {key} 不完整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a point needs finite coordinates that a float can hold</source>
        <translation>点的坐标必须是浮点数能表示的有限数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{samples} sequences of {length} steps × {features} features are {values} values; at most {limit} are allowed: use fewer samples or shorter sequences</source>
        <extracomment>the problems of the sequence, text and word sources (nnstudio.data.sequences, text, words, the npz reader&apos;s sequences and the catalogue&apos;s rule on ids)</extracomment>
        <translation>{samples} 个序列 × {length} 步 × {features} 个特征共 {values} 个值；最多允许 {limit} 个：请减少样本数或缩短序列</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the {source} source gives ids of characters or words, which cannot be standardised: set standardize to false</source>
        <translation>{source} 数据源给出的是字符或词的编号，不能标准化：请把 standardize 设为 false</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the array {key} in {where} has shape {shape}; sequences need shape (samples, time steps, features) or (samples, time steps)</source>
        <translation>{where} 中的数组 {key} 的形状是 {shape}；序列的形状需要是（样本, 时间步, 特征）或（样本, 时间步）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the bundled text {name} is missing from this installation of nnstudio; reinstall it</source>
        <translation>此 nnstudio 安装中缺少内置文本 {name}；请重新安装</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the text has {count} characters, too few for windows of {length}: use a shorter length</source>
        <translation>这段文本只有 {count} 个字符，不够切出长度为 {length} 的窗口：请缩短 length</translation>
    </message>
</context>
<context>
    <name>DataPrompts</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="+1"/>
        <source>Fit the network to the data?</source>
        <translation>让网络适配这些数据吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Input&apos;s shape has been set already. Either way, one Undo takes the whole change back.</source>
        <translation>输入层（Input）的形状已经设置好了。无论怎样选择，一次“撤销”都能撤回全部修改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> and </source>
        <translation>，并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data now has {n} classes.</source>
        <translation>现在的数据有 {n} 个类别。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data is now a regression with {n} target value(s).</source>
        <translation>现在的数据是回归任务，有 {n} 个目标值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also {changes} to match?</source>
        <translation>是否同时{changes}，以与之匹配？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give the output layer “{id}” {units} units</source>
        <translation>把输出层“{id}”设为 {units} 个单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use the {loss} loss</source>
        <translation>使用 {loss} 损失</translation>
    </message>
</context>
<context>
    <name>DesignForm</name>
    <message>
        <location filename="../../nnstudio/gui/inspector.py" line="+242"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What this network shows, for the gallery</source>
        <translation>这个网络演示什么（用于示例库）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a layer on the canvas to edit its settings.

Drag layers from the palette onto the canvas, or double-click one to add it after the selected layer. Drag from a layer&apos;s output to another layer to connect them.</source>
        <translation>在画布上选中一个层即可编辑它的设置。

把层从层面板拖到画布上，或双击一个层，把它添加到选中层之后。从一个层的输出端口拖到另一个层上即可把它们连接起来。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Rename design</source>
        <translation>重命名设计</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit description</source>
        <translation>编辑描述</translation>
    </message>
</context>
<context>
    <name>DesignProblem</name>
    <message>
        <location filename="../../nnstudio/gui/design_text.py" line="+36"/>
        <source>cannot save: a file name cannot contain a NUL character (\0)</source>
        <extracomment>translation context of the problems with a design file translation context of the problems with a weights file the problems of reading, validating and saving a design (nnstudio.design.io, checks, validate, check_network, check_sections, lesson, overrides, document, trainer), the more specific first</extracomment>
        <translation>无法保存：文件名不能包含 NUL 字符（\0）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot save {path}: it is a folder</source>
        <translation>无法保存 {path}：它是文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot save {path}: it is not a regular file</source>
        <translation>无法保存 {path}：它不是普通文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot save {path}: the design holds values a design file cannot</source>
        <translation>无法保存 {path}：设计中含有设计文件无法保存的值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot save {path}: the design is nested too deeply</source>
        <translation>无法保存 {path}：设计嵌套太深</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this design has no file yet: give a path to save it to</source>
        <translation>这个设计还没有文件：请给出保存路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a file name cannot contain a NUL character (\0)</source>
        <translation>文件名不能包含 NUL 字符（\0）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} does not exist</source>
        <translation>{path} 不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder, not a file</source>
        <translation>{path} 是文件夹，不是文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a symbolic link; nnstudio reads only the file itself</source>
        <translation>{path} 是符号链接；nnstudio 只读取文件本身</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is not a regular file</source>
        <translation>{path} 不是普通文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a text file (it is not UTF-8)</source>
        <translation>{path} 不是文本文件（不是 UTF-8 编码）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a text file</source>
        <translation>{path} 不是文本文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is empty</source>
        <translation>{path} 是空的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is {size} MB; a design file is at most {limit} MB</source>
        <translation>{path} 有 {size} MB；设计文件最多 {limit} MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} ends too early (is it truncated?): {reason} (line {line}, column {column})</source>
        <translation>{path} 提前结束（文件被截断了吗？）：{reason}（第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{path} is not valid JSON: {reason} (line {line}, column {column})</source>
        <translation>{path} 不是有效的 JSON：{reason}（第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is nested too deeply to be a design</source>
        <translation>{path} 嵌套太深，不可能是设计文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>appears more than once in the same object</source>
        <translation>在同一个对象中出现了不止一次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read the data: {problem}</source>
        <translation>无法读取数据：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is nested more than {depth} levels deep</source>
        <translation>嵌套超过 {depth} 层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has a key that is not text: {key}</source>
        <translation>有一个不是文本的键：{key}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>holds text that is not valid Unicode (a lone surrogate such as \ud800)</source>
        <translation>包含无效的 Unicode 文本（孤立的代理字符，例如 \ud800）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a finite number, got {value}</source>
        <translation>必须是有限的数，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is a number of {digits} digits, too large to use: numbers must stay below 1.8e308</source>
        <translation>是一个 {digits} 位的数，太大，无法使用：数值必须小于 1.8e308</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a design file holds a JSON object ({...}), not a list</source>
        <translation>设计文件应包含一个 JSON 对象（{...}），而不是列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a design file holds a JSON object ({...}), not a text</source>
        <translation>设计文件应包含一个 JSON 对象（{...}），而不是文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a design file holds a JSON object ({...}), not a number</source>
        <translation>设计文件应包含一个 JSON 对象（{...}），而不是数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a design file holds a JSON object ({...}), not a boolean</source>
        <translation>设计文件应包含一个 JSON 对象（{...}），而不是布尔值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a design file holds a JSON object ({...}), not null</source>
        <translation>设计文件应包含一个 JSON 对象（{...}），而不是 null</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is not an nnstudio design (it has no format; a design has &quot;format&quot;: &quot;nnstudio-design&quot;)</source>
        <translation>这不是 nnstudio 设计（它没有 format；设计应有 &quot;format&quot;: &quot;nnstudio-design&quot;）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this is not an nnstudio design (its format is {format}; a design has &quot;format&quot;: &quot;nnstudio-design&quot;)</source>
        <translation>这不是 nnstudio 设计（它的 format 是 {format}；设计应有 &quot;format&quot;: &quot;nnstudio-design&quot;）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>made by a newer nnstudio (file version {version}, this nnstudio reads up to {supported}): update nnstudio</source>
        <translation>由更新版本的 nnstudio 创建（文件版本 {version}，此 nnstudio 最高只能读取 {supported}）：请更新 nnstudio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is missing: add &quot;version&quot;: {version}</source>
        <translation>缺失：请添加 &quot;version&quot;: {version}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a whole number such as {version}, got {value}</source>
        <translation>必须是整数，例如 {version}，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be 1 or more, got {value}</source>
        <translation>必须不小于 1，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is missing: a design needs a network of nodes and edges</source>
        <translation>缺失：设计需要一个由节点和连接组成的网络</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is not a known key (did you mean {suggestion}?)</source>
        <translation>不是已知的键（您是不是想写 {suggestion}？）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a known key; a design takes {keys}</source>
        <translation>不是已知的键；设计可以有 {keys}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a known key; the network takes {keys}</source>
        <translation>不是已知的键；网络可以有 {keys}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a known key; a node takes {keys}</source>
        <translation>不是已知的键；节点可以有 {keys}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a known key; the training section takes {keys}</source>
        <translation>不是已知的键；训练部分可以有 {keys}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a known key; the {source} source takes {keys}</source>
        <translation>不是已知的键；{source} 数据源可以有 {keys}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a known key; a lesson takes {keys}</source>
        <translation>不是已知的键；课程可以有 {keys}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a known key; a step takes {keys}</source>
        <translation>不是已知的键；步骤可以有 {keys}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a known key; a translation takes {keys}</source>
        <translation>不是已知的键；翻译可以有 {keys}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a known key; a translated step takes {keys}</source>
        <translation>不是已知的键；翻译后的步骤可以有 {keys}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a known key; {what} takes {keys}</source>
        <translation>不是已知的键；{what} 可以有 {keys}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be an object of texts, got {value}</source>
        <translation>必须是由文本组成的对象，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be an object of dotted paths and values such as {example}, got {value}</source>
        <translation>必须是由点分路径和值组成的对象，例如 {example}，实际为 {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be an object of language codes such as {example}, got {value}</source>
        <translation>必须是以语言代码为键的对象，例如 {example}，实际为 {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be an object such as {example}, got {value}</source>
        <translation>必须是对象，例如 {example}，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is missing ({hint})</source>
        <translation>缺失（{hint}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is missing; a node looks like {example}</source>
        <translation>缺失；节点的写法如 {example}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a list, got {value}; a node looks like {example}</source>
        <translation>必须是列表，实际为 {value}；节点的写法如 {example}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a list of pairs such as [{example}], got {value}</source>
        <translation>必须是成对组成的列表，例如 [{example}]，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is missing: every node needs a unique id such as &quot;h1&quot;</source>
        <translation>缺失：每个节点都需要唯一的 id，例如 &quot;h1&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a non-empty text, got {value}</source>
        <translation>必须是非空文本，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{id} is already the id of network.nodes[{index}]; ids must be unique</source>
        <translation>{id} 已经是 network.nodes[{index}] 的 id；id 必须唯一</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is missing: choose a node type such as Dense or Conv2D</source>
        <translation>缺失：请选择节点类型，例如 Dense 或 Conv2D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown node type {type} (did you mean {suggestion}?); the types are {types}</source>
        <translation>未知的节点类型 {type}（您是不是想写 {suggestion}？）；可用的类型有 {types}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown node type {type}; the types are {types}</source>
        <translation>未知的节点类型 {type}；可用的类型有 {types}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a pair of node ids such as {example}, got {value}</source>
        <translation>必须是一对节点 id，例如 {example}，实际为 {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>names a node that does not exist: {names}</source>
        <translation>指向不存在的节点：{names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be two numbers [x, y], got {value}</source>
        <translation>必须是两个数 [x, y]，实际为 {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown data source {name} (did you mean {suggestion}?); the sources are {names}</source>
        <translation>未知的数据源 {name}（您是不是想写 {suggestion}？）；可用的数据源有 {names}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown data source {name}; the sources are {names}</source>
        <translation>未知的数据源 {name}；可用的数据源有 {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must not contain a NUL character (\u0000): no file is named so</source>
        <translation>不能包含 NUL 字符（\u0000）：没有文件这样命名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown loss {name} (did you mean {suggestion}?); the losses are {names}</source>
        <translation>未知的损失函数 {name}（您是不是想写 {suggestion}？）；可用的损失函数有 {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown loss {name}; the losses are {names}</source>
        <translation>未知的损失函数 {name}；可用的损失函数有 {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown optimizer {name} (did you mean {suggestion}?); the optimizers are {names}</source>
        <translation>未知的优化器 {name}（您是不是想写 {suggestion}？）；可用的优化器有 {names}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown optimizer {name}; the optimizers are {names}</source>
        <translation>未知的优化器 {name}；可用的优化器有 {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a list of two numbers, got {value}</source>
        <translation>必须是两个数组成的列表，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>item {index}: {problem}</source>
        <translation>第 {index} 项：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be false, true or an object such as {example}, got {value}</source>
        <translation>必须是 false、true 或对象，例如 {example}，实际为 {value}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be a text, got {value}</source>
        <translation>必须是文本，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is missing: a lesson needs a list of steps</source>
        <translation>缺失：课程需要一个步骤列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>makes {count} changes; a step makes at most {limit}</source>
        <translation>做了 {count} 处更改；一个步骤最多做 {limit} 处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a dotted path such as training.optimizer.lr or network.nodes.h1.params.units</source>
        <translation>不是点分路径，例如 training.optimizer.lr 或 network.nodes.h1.params.units</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is not a language code such as zh_CN or de</source>
        <translation>不是语言代码，例如 zh_CN 或 de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has {count} steps, the lesson {steps}: translate the steps in the same order ({} for one left in English)</source>
        <translation>有 {count} 个步骤，而课程有 {steps} 个：请按相同顺序翻译步骤（保留英文的步骤写 {}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown concept {name} (did you mean {suggestion}?)</source>
        <translation>未知的概念 {name}（您是不是想写 {suggestion}？）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown concept {name}; the concepts are {names}</source>
        <translation>未知的概念 {name}；可用的概念有 {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown panel {name} (did you mean {suggestion}?)</source>
        <translation>未知的面板 {name}（您是不是想写 {suggestion}？）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown panel {name}; the panels are {names}</source>
        <translation>未知的面板 {name}；可用的面板有 {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is listed twice</source>
        <translation>{name} 列出了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be a list, got {value}</source>
        <translation>必须是列表，实际为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has {count} steps; at most {limit} are allowed</source>
        <translation>有 {count} 个步骤；最多允许 {limit} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has {count} concepts; at most {limit} are allowed</source>
        <translation>有 {count} 个概念；最多允许 {limit} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has {count} panels; at most {limit} are allowed</source>
        <translation>有 {count} 个面板；最多允许 {limit} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must have at least {minimum} step</source>
        <translation>必须至少有 {minimum} 个步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is {count} characters long; at most {limit} are allowed</source>
        <translation>长 {count} 个字符；最多允许 {limit} 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is not a dotted path such as training.optimizer.lr (got {path})</source>
        <translation>不是点分路径，例如 training.optimizer.lr（实际为 {path}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the network has no node {key} (did you mean {suggestion}?)</source>
        <translation>网络中没有节点 {key}（您是不是想写 {suggestion}？）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the network has no node {key} (its nodes: {ids})</source>
        <translation>网络中没有节点 {key}（它的节点有：{ids}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is {value}, which has no {key} inside</source>
        <translation>{where} 是 {value}，其中没有 {key}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is a list of {count}: {key} is not a position in it</source>
        <translation>{where} 是一个有 {count} 项的列表：{key} 不是其中的位置</translation>
    </message>
</context>
<context>
    <name>DocumentFiles</name>
    <message>
        <location filename="../../nnstudio/gui/files.py" line="+94"/>
        <source>New design: drag layers from the palette onto the canvas</source>
        <extracomment>a different design is now open (New, Open, an example, a recent file) the recent-files list changed a short report for the status bar the design was saved to this path</extracomment>
        <translation>新设计：把层从层面板拖到画布上</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Opened {path}</source>
        <translation>已打开 {path}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Opened the example “{name}”</source>
        <translation>已打开示例“{name}”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recovered “{name}”: save it to keep it</source>
        <translation>已恢复“{name}”：请保存以保留它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Could not save {path}: {problem}</source>
        <translation>无法保存 {path}：{problem}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>DrawingPadPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/images/pad.py" line="+48"/>
        <source>Drawing pad</source>
        <extracomment>training images looked at to learn how much of the frame the ink fills, and the background pixels of the preview of what the network receives</extracomment>
        <translation>手写板</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clear</source>
        <extracomment>the Snapshot probes after which the probabilities are asked for again (new weights)</extracomment>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What the network receives</source>
        <translation>网络接收到的输入</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The network sees:</source>
        <translation>网络看到的是：</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Draw on the pad with the mouse</source>
        <translation>用鼠标在手写板上书写</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This network cannot read the drawing</source>
        <translation>这个网络无法读取手写内容</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>It looks like {name} ({p:.0%} sure)</source>
        <translation>看起来像 {name}（把握 {p:.0%}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not trained yet: the network&apos;s guesses are random. Press Play and watch them change.</source>
        <translation>还没有训练：网络的猜测是随机的。按“播放”，看看它们如何变化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The network after {step} steps</source>
        <translation>训练 {step} 步后的网络</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The drawing pad is for networks that classify images, such as the handwritten digits</source>
        <translation>手写板用于对图像进行分类的网络，例如手写数字</translation>
    </message>
</context>
<context>
    <name>Example</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="-43"/>
        <source>Characters: an LSTM writes nursery rhymes</source>
        <translation>字符：LSTM 写童谣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An LSTM reads 32 characters of traditional nursery rhymes and predicts the next one. In the Generated text panel, give it a start and a temperature: low temperatures repeat the likeliest letters, high ones invent.</source>
        <translation>LSTM 读入传统童谣中的 32 个字符，预测下一个字符。在“生成的文本”面板中给它一个开头和一个温度：温度低时重复最可能的字母，温度高时自由发挥。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Circle: a ring around a disc</source>
        <translation>圆：圆盘外的一圈圆环</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class 1 inside a disc, class 0 on a ring around it. No straight line separates them; a hidden layer of four tanh units draws a closed boundary.</source>
        <translation>类别 1 在圆盘内，类别 0 在它外面的一圈圆环上。没有一条直线能把它们分开；一个含四个 tanh 单元的隐藏层画出一条闭合的边界。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handwritten digits, a small CNN</source>
        <translation>手写数字：一个小型卷积神经网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>8×8 images of handwritten digits (UCI). Two convolution + max-pool stages find strokes and their combinations; a dense layer reads off the digit.</source>
        <translation>8×8 的手写数字图像（UCI）。两级“卷积 + 最大池化”找出笔画及其组合；一个全连接层读出是哪个数字。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iris flowers</source>
        <translation>鸢尾花</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fisher&apos;s iris measurements (sepal and petal length and width) of three species. A small multilayer perceptron separates them almost perfectly.</source>
        <translation>Fisher 的鸢尾花测量数据（花萼和花瓣的长度与宽度），共三个品种。一个小型多层感知机几乎能把它们完全分开。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory: a plain RNN forgets (20 steps)</source>
        <translation>记忆：普通 RNN 会遗忘（20 步）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Is the last symbol the same as the first? The answer needs the first of 20 symbols remembered to the end, past 18 others. A plain RNN&apos;s gradient fades over that many steps: it stops near 80 % on held-out sequences. Compare memory_lstm.</source>
        <translation>最后一个符号与第一个相同吗？要回答它，必须把 20 个符号中的第一个一直记到最后，中间隔着 18 个。普通 RNN 的梯度经过这么多步会逐渐消失：它在留出的序列上停在 80 % 左右。请与 memory_lstm 对比。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory: an LSTM remembers (20 steps)</source>
        <translation>记忆：LSTM 能记住（20 步）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same task as memory_rnn: is the last of 20 symbols the first one? The LSTM&apos;s cell keeps the first symbol while its forget gate stays open (its biases start at 1): after a long stretch at chance it reaches 100 %, where the plain RNN stops near 80 %.</source>
        <translation>与 memory_rnn 相同的任务：20 个符号中的最后一个是否就是第一个？LSTM 的细胞状态在遗忘门保持打开时（偏置初始为 1）记住第一个符号：在一段较长的随机水平之后，它达到 100 %，而普通 RNN 停在 80 % 左右。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sine regression</source>
        <translation>正弦回归</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit y = sin(x) on [-6, 6] from noisy samples. Two tanh layers bend a straight line into two full waves; the loss is the mean squared error.</source>
        <translation>用带噪声的样本在 [-6, 6] 上拟合 y = sin(x)。两个 tanh 层把一条直线弯成两个完整的波；损失是均方误差。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sine: the next value, by an RNN</source>
        <translation>正弦：用 RNN 预测下一个值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An RNN reads 20 values of a sine curve, one step at a time, and predicts the next one. The hidden state carries what it has seen; the Predicted vs true panel shows the curves and the network&apos;s guesses for the next value.</source>
        <translation>RNN 逐步读入正弦曲线的 20 个值，预测下一个值。隐藏状态携带它已看到的内容；“预测值与真实值”面板显示曲线以及网络对下一个值的猜测。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spiral, two hidden layers</source>
        <translation>螺旋：两个隐藏层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two interleaved spirals (TensorFlow Playground&apos;s). Two hidden tanh layers of 16 units learn the swirl; watch the decision boundary wind itself around the arms.</source>
        <translation>两条交错的螺旋（来自 TensorFlow Playground）。两个各含 16 个 tanh 单元的隐藏层学会这个旋涡；看决策边界如何绕着螺旋臂卷起来。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vanishing gradients: seven sigmoid layers</source>
        <translation>梯度消失：七个 sigmoid 层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seven sigmoid layers on the circle. Open Gradient flow and press Play: each layer back from the output gets a smaller gradient, so the first layers barely learn. Change every hidden activation to relu and reset: the gradient reaches the first layer and the circle is learnt.</source>
        <translation>在圆数据上堆叠七个 sigmoid 层。打开“梯度流”并按“播放”：从输出往回，每一层得到的梯度都更小，前面几层几乎学不到东西。把每个隐藏层的激活函数改成 relu 并重置：梯度一直传到第一层，圆也学会了。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight scale: five sigmoid layers</source>
        <translation>权重尺度：五个 sigmoid 层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The classic figure of initialisation. Five sigmoid layers of 100 units start with weights of standard deviation 1: open Activations and every layer piles up at 0 and 1, where the gradient vanishes. Select the hidden layers and set their weight_init std to 0.01: everything collapses to 0.5. Choose xavier_normal: the activations spread out.</source>
        <translation>初始化的经典图。五个各含 100 个单元的 sigmoid 层，权重的标准差为 1：打开“激活值”，每一层都堆积在 0 和 1 附近，那里梯度消失。选中隐藏层，把 weight_init 的 std 改成 0.01：所有值都挤到 0.5。选择 xavier_normal：激活值就舒展开来。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why zeros fail: all weights start at zero</source>
        <translation>为什么不能全零初始化：所有权重从零开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The XOR network with every weight starting at zero. Every hidden unit computes the same thing, zero, and with the output weights also zero no unit gets any gradient: the weights never move, the eight neuron thumbnails stay identical and blank, and the loss stays at ln 2 ≈ 0.69. Set weight_init back to auto on both layers and press Reset: the symmetry is broken and XOR is learnt.</source>
        <translation>所有权重都从零开始的异或网络。每个隐藏单元都计算同样的东西——零；输出层的权重也是零，于是没有任何单元得到梯度：权重一动不动，八个神经元缩略图一模一样、一片空白，损失停在 ln 2 ≈ 0.69。把两层的 weight_init 都改回 auto 并按“重置”：对称被打破，异或就学会了。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wine recognition</source>
        <translation>葡萄酒识别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thirteen chemical measurements of wines from three cultivars (UCI). Standardised inputs and one small hidden layer separate the three classes.</source>
        <translation>三个葡萄品种所酿葡萄酒的十三项化学测量值（UCI）。标准化的输入加一个小隐藏层就能分开这三个类别。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>word2vec: skip-gram on an English corpus</source>
        <translation>word2vec：英文语料上的 skip-gram</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip-gram with negative sampling: each word&apos;s vector (the Embedding&apos;s rows) learns to predict the words around it. Words used in the same places, such as king and queen, cat and dog, end up side by side in the Word vectors panel.</source>
        <translation>带负采样的 skip-gram：每个词的向量（Embedding 的行）学习预测它周围的词。用在相同位置的词，例如 king 与 queen、cat 与 dog，最终在“词向量”面板中彼此相邻。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>word2vec：中文语料上的 skip-gram</source>
        <translation>word2vec：中文语料上的 skip-gram</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip-gram with negative sampling on a segmented Chinese corpus: words used in the same places, such as 国王 and 王后 (king, queen), 猫 and 狗 (cat, dog), end up side by side in the Word vectors panel.</source>
        <translation>在分好词的中文语料上做带负采样的 skip-gram：用在相同位置的词，例如国王与王后、猫与狗，最终在“词向量”面板中彼此相邻。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XOR: one hidden layer</source>
        <translation>异或（XOR）：一个隐藏层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The problem a single perceptron cannot solve: points are class 1 when x and y have the same sign. One hidden layer of eight tanh units bends the boundary into the four quadrants.</source>
        <translation>单个感知机解决不了的问题：x 和 y 同号的点属于类别 1。一个含八个 tanh 单元的隐藏层把边界弯进四个象限。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location line="+13"/>
        <source>PyTorch script (.py)</source>
        <translation>PyTorch 脚本 (.py)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keras 3 script (.py)</source>
        <translation>Keras 3 脚本 (.py)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONNX model (.onnx)</source>
        <translation>ONNX 模型 (.onnx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Design</source>
        <translation>导出设计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: the weights training starts from</source>
        <translation>不选：使用训练开始时的权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A script comes with two files beside it: its weights (.weights.npz) and the design&apos;s data (.data.npz).</source>
        <translation>脚本旁边会附带两个文件：它的权重 (.weights.npz) 和设计的数据 (.data.npz)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights to Export</source>
        <translation>要导出的权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nnstudio weights (*.npz)</source>
        <translation>nnstudio 权重 (*.npz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the design as a PyTorch or Keras script with its weights and data, or as an ONNX model</source>
        <translation>把设计写成带权重和数据的 PyTorch 或 Keras 脚本，或写成 ONNX 模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not export the design</source>
        <translation>无法导出设计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported: {path}</source>
        <translation>已导出：{path}</translation>
    </message>
</context>
<context>
    <name>ExportFigureDialog</name>
    <message>
        <location filename="../../nnstudio/gui/figure_dialogs.py" line="+129"/>
        <location line="+135"/>
        <source>Export Figure</source>
        <extracomment>figure sizes offered (pixels) the least width of a file name field (pixels)</extracomment>
        <translation>导出图</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the shape it has on screen</source>
        <translation>保持屏幕上的长宽比例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing (for slides; scales to any size)</source>
        <translation>SVG 矢量图（适合幻灯片，可任意缩放）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Show:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
</context>
<context>
    <name>FeatureMapsPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/images/features.py" line="+30"/>
        <source>Feature maps</source>
        <extracomment>maps shown per layer (the first ones); more would shrink them all past legibility</extracomment>
        <translation>特征图</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sample </source>
        <extracomment>the Snapshot probes this panel draws (the feeder skips snapshots without them)</extracomment>
        <translation>样本 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which held-out image to follow through the layers</source>
        <translation>选择一张留出的图像，观察它逐层经过网络的样子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous sample</source>
        <translation>上一个样本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next sample</source>
        <translation>下一个样本</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Feature maps are shown for image classification</source>
        <translation>特征图只针对图像分类显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Play to train: an image and what each convolution and pooling layer makes of it appear here</source>
        <translation>按“播放”开始训练：这里会显示一张图像，以及每个卷积层和池化层把它变成了什么</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Feature maps are shown for networks with convolution or pooling layers</source>
        <translation>特征图只针对含有卷积层或池化层的网络显示</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> of {count}</source>
        <translation> / {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true {true} · predicted {predicted} ({p:.0%})</source>
        <translation>真实 {true} · 预测 {predicted}（{p:.0%}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{node} · {shown} of {count} maps, {h}×{w}</source>
        <translation>{node} · 显示 {count} 张特征图中的 {shown} 张，{h}×{w}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{node} · {count} maps, {h}×{w}</source>
        <translation>{node} · {count} 张特征图，{h}×{w}</translation>
    </message>
</context>
<context>
    <name>FeaturePicker</name>
    <message>
        <location filename="../../nnstudio/gui/data/features.py" line="+53"/>
        <source>Give the network {feature} of each point</source>
        <extracomment>the plane the heat maps cover, and their resolution and size on screen</extracomment>
        <translation>把每个点的 {feature} 输入网络</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The network needs at least one input feature</source>
        <translation>网络至少需要一个输入特征</translation>
    </message>
</context>
<context>
    <name>FigureActions</name>
    <message>
        <location filename="../../nnstudio/gui/figure_dialogs.py" line="+124"/>
        <source>Export &amp;Figure…</source>
        <translation>导出图(&amp;F)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the canvas, a panel or the dashboard as a PNG or SVG picture</source>
        <translation>将画布、某个面板或仪表板保存为 PNG 或 SVG 图片</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+155"/>
        <source>&amp;Record…</source>
        <translation>录制(&amp;R)…</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Record the window or a panel while it trains, as an animated GIF or WebP</source>
        <translation>在训练过程中将窗口或某个面板录制为 GIF 或 WebP 动画</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Could not export the figure</source>
        <translation>无法导出图</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Figure saved: {path} ({w} × {h})</source>
        <translation>图已保存：{path}（{w} × {h}）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Could not record</source>
        <translation>无法录制</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stop &amp;Recording</source>
        <translation>停止录制(&amp;R)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Recording saved: {path} ({frames} frames)</source>
        <translation>录制已保存：{path}（{frames} 帧）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save the Recording As</source>
        <translation>将录制另存为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Animations (*.gif *.webp)</source>
        <translation>动画 (*.gif *.webp)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Recording under way</source>
        <translation>正在录制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window is closing while a recording is under way. Save the recording to {path}?</source>
        <translation>窗口即将关闭，但录制仍在进行。要把录制保存到 {path} 吗？</translation>
    </message>
</context>
<context>
    <name>FigureDialogs</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canvas (the network)</source>
        <translation>画布（网络结构）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboard (every panel in view)</source>
        <translation>仪表板（所有显示中的面板）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole window</source>
        <translation>整个窗口</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <location line="+1"/>
        <source>Made with nnstudio</source>
        <translation>由 nnstudio 生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No dashboard panel is in view.</source>
        <translation>仪表板上没有显示任何面板。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The figure could not be encoded as PNG.</source>
        <translation>无法将图编码为 PNG。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The figure could not be drawn as SVG.</source>
        <translation>无法将图绘制为 SVG。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is not enough memory for a figure of {w}×{h} pixels.</source>
        <translation>内存不足，无法生成 {w}×{h} 像素的图。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A figure is {low} to {high} pixels wide and high, not {w}×{h}.</source>
        <translation>图的宽和高须在 {low} 到 {high} 像素之间，而不是 {w}×{h}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A figure is saved as .png or .svg, not “{name}”.</source>
        <translation>图只能保存为 .png 或 .svg，不能保存为“{name}”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>FiltersPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/images/filters.py" line="+24"/>
        <source>Filters</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Press Play to train: the first convolution layer&apos;s filters appear here</source>
        <extracomment>the Snapshot probes this panel draws (the feeder skips snapshots without them)</extracomment>
        <translation>按“播放”开始训练：这里会显示第一个卷积层的卷积核</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This network has no convolution layer: add a Conv2D layer to see what its filters look for</source>
        <translation>这个网络没有卷积层：添加一个 Conv2D 层，就能看到它的卷积核在寻找什么</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{node}: {count} filters of {kh}×{kw}, in colour</source>
        <translation>{node}：{count} 个 {kh}×{kw} 的卷积核，彩色显示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{node}: {count} filters of {kh}×{kw} · orange &lt; 0 &lt; blue</source>
        <translation>{node}：{count} 个 {kh}×{kw} 的卷积核 · 橙色 &lt; 0 &lt; 蓝色</translation>
    </message>
</context>
<context>
    <name>GradientFlowPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/gradients.py" line="+55"/>
        <source>Gradient flow</source>
        <extracomment>the most points kept per line; older ones are merged in pairs where zeros go when no norm is positive at all pixels a title may reach past either side of its plot area</extracomment>
        <translation>梯度流</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gradient norm ‖∂L/∂W‖</source>
        <translation>梯度范数 ‖∂L/∂W‖</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Over time (colours as in the bars)</source>
        <translation>随时间变化（颜色与柱状图一致）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>× zero or not finite: drawn at the axis&apos;s edge</source>
        <translation>× 为零或非有限值：画在坐标轴边缘</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Press Play to train</source>
        <extracomment>how many points on show are zeros or non-finite drawn at the floor or ceiling</extracomment>
        <translation>按“播放”开始训练</translation>
    </message>
</context>
<context>
    <name>HiddenStatesPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/sequences.py" line="+25"/>
        <source>hidden state h</source>
        <extracomment>what the heat map can show: the hidden state, then an LSTM&apos;s gates (their order in GATES)</extracomment>
        <translation>隐藏状态 h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input gate i</source>
        <translation>输入门 i</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forget gate f</source>
        <translation>遗忘门 f</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>candidate g</source>
        <translation>候选值 g</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>output gate o</source>
        <translation>输出门 o</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>training</source>
        <extracomment>the most time steps labelled one by one with their input (more: numbered ticks) how characters that do not show are written on the time axis and in verdicts</extracomment>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Hidden state over time</source>
        <translation>隐藏状态随时间的变化</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sample </source>
        <translation>样本 </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+140"/>
        <source>time step</source>
        <translation>时间步</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The hidden state over time is drawn for sequence and text data</source>
        <extracomment>the chosen sample&apos;s true and predicted answer, in the heat map&apos;s title what the heat map shows now: (node, shown, sample) and the image (units, T)</extracomment>
        <translation>隐藏状态随时间的变化只对序列和文本数据绘制</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press Play to train</source>
        <translation>按“播放”开始训练</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add an RNN or LSTM node: its hidden state at every time step is drawn here</source>
        <translation>添加一个 RNN 或 LSTM 节点：这里会画出它在每个时间步的隐藏状态</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Which sequence to follow: the first {count} of the {split} split</source>
        <translation>要跟踪哪条序列：{split}中的前 {count} 条</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>time step (labelled with its input)</source>
        <translation>时间步（标注该步的输入）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>true {true} · predicted {predicted} ({p:.0%})</source>
        <translation>真实 {true} · 预测 {predicted}（{p:.0%}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>true {true:.3g} · predicted {predicted:.3g}</source>
        <translation>真实 {true:.3g} · 预测 {predicted:.3g}</translation>
    </message>
</context>
<context>
    <name>HyperparameterPanel</name>
    <message>
        <location filename="../../nnstudio/gui/training/hyperparams.py" line="+63"/>
        <source>enter two numbers such as 0.9, 0.999</source>
        <extracomment>slider positions per factor of ten</extracomment>
        <translation>请输入两个数，例如 0.9, 0.999</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Set loss</source>
        <translation>设置损失函数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Learning rate, on a log scale from 0.00001 to 10</source>
        <translation>学习率，对数刻度，从 0.00001 到 10</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The exact learning rate, e.g. 0.003 or 3e-3</source>
        <translation>精确的学习率，例如 0.003 或 3e-3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Optimiser settings</source>
        <translation>优化器设置</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set batch size</source>
        <translation>设置批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set epoch limit</source>
        <translation>设置轮数上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set seed</source>
        <translation>设置随机种子</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop when the validation loss has not improved for `patience` epochs, and keep the best weights</source>
        <translation>验证集损失连续 `patience` 轮没有改善时停止，并保留最佳权重</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>patience</source>
        <translation>耐心轮数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch limit</source>
        <translation>轮数上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Early stopping</source>
        <translation>早停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning rate, batch size, epoch limit and early stopping change at once, even while training; loss, optimiser settings and seed when you press Reset.</source>
        <translation>学习率、批大小、轮数上限和早停会立即生效，训练过程中也一样；损失函数、优化器设置和随机种子在按下“重置”后生效。</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>The learning rate must be a positive number</source>
        <translation>学习率必须是正数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set learning rate</source>
        <translation>设置学习率</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Set optimiser</source>
        <translation>设置优化器</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Set optimiser {name}</source>
        <translation>设置优化器的 {name}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Set early stopping</source>
        <translation>设置早停</translation>
    </message>
</context>
<context>
    <name>IdxImportDialog</name>
    <message>
        <location filename="../../nnstudio/gui/imports/idx_dialog.py" line="+33"/>
        <source>Import MNIST IDX files</source>
        <extracomment>images previewed labels files larger than this are not counted for the preview (bytes)</extracomment>
        <translation>导入 MNIST IDX 文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the images file</source>
        <translation>选择图像文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the labels file</source>
        <translation>选择标签文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found from the images file&apos;s name, or choose it…</source>
        <translation>根据图像文件名自动查找，或手动选择…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Labels file</source>
        <translation>标签文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> (it looks like a labels file)</source>
        <translation>（看起来像是标签文件）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} holds an array of shape {shape}{hint}; an images file holds (count, rows, columns)</source>
        <translation>{name} 中是形状为 {shape} 的数组{hint}；图像文件应为 (数量, 行, 列)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{name} is too large to be a labels file</source>
        <translation>{name} 太大，不可能是标签文件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{n} images of {rows} × {columns} pixels</source>
        <translation>{n} 张 {rows} × {columns} 像素的图像</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; {count} labels, {classes} classes</source>
        <translation>；{count} 个标签，{classes} 个类别</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+4"/>
        <source>Choose the labels file.</source>
        <translation>请选择标签文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} holds an array of shape {shape}; a labels file holds one number per image.</source>
        <translation>{name} 中是形状为 {shape} 的数组；标签文件应为每张图像一个数字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The images file holds {n} images but {name} holds {m} labels; they must match.</source>
        <translation>图像文件有 {n} 张图像，而 {name} 有 {m} 个标签；两者必须一致。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name} has only one class; a classifier needs at least two.</source>
        <translation>{name} 只有一个类别；分类器至少需要两个类别。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inputs of shape 1 × {rows} × {columns}; the first images are shown with their labels.</source>
        <translation>输入形状为 1 × {rows} × {columns}；下面显示前几张图像及其标签。</translation>
    </message>
</context>
<context>
    <name>ImagesImportDialog</name>
    <message>
        <location filename="../../nnstudio/gui/imports/images_dialog.py" line="+64"/>
        <source>Import an image folder</source>
        <extracomment>the sizes offered first (height = width) images shown per class, and in all</extracomment>
        <translation>导入图像文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the folder holding one sub-folder per class</source>
        <translation>选择每个类别一个子文件夹的那个文件夹</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grayscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour (RGB)</source>
        <translation>彩色（RGB）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Class (sub-folder)</source>
        <translation>类别（子文件夹）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location line="+25"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Reading a few images…</source>
        <translation>正在读取几张图像…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>As the network will see them:</source>
        <translation>网络将看到的样子：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(cannot read {files})</source>
        <translation>（无法读取 {files}）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot show sample images: {problem}</source>
        <translation>无法显示示例图像：{problem}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{folder} has no class sub-folders: sort its images into one sub-folder per class (e.g. {folder}/cat/1.png, {folder}/dog/1.png).</source>
        <translation>{folder} 中没有类别子文件夹：请把图像按类别放进各自的子文件夹（例如 {folder}/cat/1.png、{folder}/dog/1.png）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The class folder {name} holds no images (PNG, JPEG, BMP, GIF, PGM/PPM …).</source>
        <translation>类别文件夹 {name} 中没有图像（PNG、JPEG、BMP、GIF、PGM/PPM …）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{folder} has a single class folder ({name}); a classifier needs at least two.</source>
        <translation>{folder} 中只有一个类别文件夹（{name}）；分类器至少需要两个类别。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{classes} classes, {total} images → inputs of shape {c} × {h} × {w}.</source>
        <translation>{classes} 个类别，{total} 张图像 → 输入形状为 {c} × {h} × {w}。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="+1"/>
        <source>Stop loading</source>
        <translation>停止加载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Splits</source>
        <translation>划分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading stopped.</source>
        <translation>已停止加载。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unexpected error: {problem}</source>
        <translation>意外错误：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../nnstudio/gui/param_editors.py" line="+39"/>
        <source>enter a number such as 0.01 or 1e-5</source>
        <translation>请输入一个数，例如 0.01 或 1e-5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>enter a finite number</source>
        <translation>请输入一个有限的数</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>enter whole numbers separated by commas, such as 2 or 1, 28, 28</source>
        <translation>请输入用逗号分隔的整数，例如 2 或 1, 28, 28</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>enter one whole number, or height×width such as 3×3</source>
        <translation>请输入一个整数，或“高×宽”，例如 3×3</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>same as pool_size</source>
        <extracomment>the user finished an edit of this parameter (its name)</extracomment>
        <translation>与 pool_size 相同</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/inspector.py" line="+57"/>
        <source>&lt;p style=&apos;font-size:{pt}pt; font-weight:600&apos;&gt;{count} nodes selected&lt;/p&gt;&lt;p&gt;Select a single layer to edit its settings.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:{pt}pt; font-weight:600&apos;&gt;已选中 {count} 个节点&lt;/p&gt;&lt;p&gt;只选中一个层时才能编辑它的设置。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>KeptRunsDialog</name>
    <message>
        <location filename="../../nnstudio/gui/race/kept.py" line="+88"/>
        <source>Kept runs</source>
        <extracomment>the most runs kept; keeping one more drops the oldest the kept runs&apos; colours, pale so the live run stands out, one per run in turn</extracomment>
        <translation>已保留的训练</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No run is kept. Press Keep run in the loss panel to keep the curves of the current run as a reference.</source>
        <translation>尚未保留任何训练。在损失面板中按“保留本次”，即可把当前训练的曲线保留为参照。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove all</source>
        <translation>全部移除</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tick a run to show it; double-click to rename it.</source>
        <translation>勾选以显示；双击可重命名。</translation>
    </message>
</context>
<context>
    <name>Lane</name>
    <message>
        <location filename="../../nnstudio/gui/race/view.py" line="+204"/>
        <source>gradient per layer (log scale, 1e-6 to 10)</source>
        <translation>每层梯度（对数刻度，1e-6 到 10）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>stopped: {why}</source>
        <translation>已停止：{why}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epoch {epoch} · {rate} steps/s</source>
        <translation>第 {epoch} 轮 · 每秒 {rate} 步</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gradient flow: each layer&apos;s gradient norm, on a log scale from 1e-6 to 10 (input first)</source>
        <translation>梯度流：每层梯度的范数，对数刻度，从 1e-6 到 10（输入层在前）</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../nnstudio/gui/language.py" line="+34"/>
        <source>Language</source>
        <extracomment>every language of the interface: code → its name in that language the application property that holds the language in use (&quot;en&quot;, &quot;zh_CN&quot; …)</extracomment>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used from the next start of nnstudio.</source>
        <translation>新的语言将在下次启动 nnstudio 时生效。</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>LayerName</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="-314"/>
        <source>Input</source>
        <translation>Input（输入层）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dense</source>
        <translation>Dense（全连接层）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flatten</source>
        <translation>Flatten（展平层）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conv2D</source>
        <translation>Conv2D（卷积层）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MaxPool2D</source>
        <translation>MaxPool2D（最大池化）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AvgPool2D</source>
        <translation>AvgPool2D（平均池化）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout</source>
        <translation>Dropout（随机失活）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BatchNorm</source>
        <translation>BatchNorm（批归一化）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LeakyReLU</source>
        <translation>LeakyReLU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanh</source>
        <translation>Tanh（双曲正切）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Step（阶跃函数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear</source>
        <translation>Linear（恒等）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>Add（相加）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concatenate</source>
        <translation>Concatenate（拼接）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embedding</source>
        <translation>Embedding（嵌入层）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RNN</source>
        <translation>RNN（循环神经网络）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LSTM</source>
        <translation>LSTM（长短期记忆网络）</translation>
    </message>
</context>
<context>
    <name>LayerPalette</name>
    <message>
        <location filename="../../nnstudio/gui/palette.py" line="+54"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>same as pool_size</source>
        <translation>与 pool_size 相同</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No parameters.</source>
        <translation>没有参数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new node starts with {values}.</source>
        <translation>新节点的初始值：{values}。</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Search layers…</source>
        <translation>搜索层…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Core</source>
        <translation>基础层</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequence</source>
        <translation>序列</translation>
    </message>
</context>
<context>
    <name>LessonCard</name>
    <message>
        <location filename="../../nnstudio/gui/lessons/gallery.py" line="+87"/>
        <source>Teaches: {concepts}</source>
        <extracomment>the gap between cards (pixels) the thumbnails&apos; size in a gallery narrower than WIDE (pixels): three columns at 1024×768</extracomment>
        <translation>讲解：{concepts}</translation>
    </message>
</context>
<context>
    <name>LessonGallery</name>
    <message>
        <location line="+62"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a lesson: it opens as a new design, with its steps in the Lesson panel.</source>
        <translation>选择一节课：它会作为新设计打开，步骤显示在“课程”面板中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{concept} — coming</source>
        <translation>{concept}——即将推出</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Coming soon</source>
        <translation>即将推出</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../nnstudio/gui/lessons/panel.py" line="+178"/>
        <source>This step&apos;s change does not fit the design: {problem}</source>
        <extracomment>the one table from a lesson&apos;s panel ids (nnstudio.design.lesson.PANELS) to the window&apos;s docks: each dashboard panel&apos;s declared lesson id (Placement.lesson_id), then the window&apos;s own docks the object name of the Lesson dock the step now shown (0-based)</extracomment>
        <translation>这一步的修改与当前设计不符：{problem}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This step&apos;s change is already made.</source>
        <translation>这一步的修改已经做过了。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply “{step}”</source>
        <translation>应用“{step}”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step {number} of {count}</source>
        <translation>第 {number} 步，共 {count} 步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask the class: {question}</source>
        <translation>问问大家：{question}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Introduction</source>
        <translation>简介</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make this step&apos;s change to the design (Undo takes it back)</source>
        <translation>把这一步的修改应用到设计上（“撤销”可以恢复）</translation>
    </message>
</context>
<context>
    <name>LessonUi</name>
    <message>
        <location filename="../../nnstudio/gui/lessons/window.py" line="+36"/>
        <source>Lesson</source>
        <extracomment>File ▸ Lessons… (Ctrl+L is Auto Layout&apos;s) the heights (in proportion) of the Lesson dock and the data tabs below it</extracomment>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Lessons…</source>
        <translation>课程(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a lesson of the course</source>
        <translation>选择课程中的一节课</translation>
    </message>
</context>
<context>
    <name>LossMarks</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="+295"/>
        <source>stopped: no improvement for 1 epoch</source>
        <translation>已停止：1 轮没有改进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>best: epoch {epoch}</source>
        <translation>最佳：第 {epoch} 轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diverged: loss {loss} → restored epoch {epoch}</source>
        <translation>发散：损失 {loss} → 已恢复第 {epoch} 轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped: no improvement for {epochs} epochs</source>
        <translation>已停止：{epochs} 轮没有改进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{stopped}; best weights restored</source>
        <translation>{stopped}；已恢复最佳权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diverged: loss {loss} → restored the starting weights</source>
        <translation>发散：损失 {loss} → 已恢复初始权重</translation>
    </message>
</context>
<context>
    <name>LossPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/loss.py" line="+38"/>
        <source>Loss &amp; accuracy</source>
        <extracomment>per-step losses are smoothed with this EMA decay (a time constant of about 20 steps) the most points kept of the per-step curve and of the per-epoch curves: about one per pixel of a wide plot, as more only cost drawing time history keys of the per-epoch columns, in storage order</extracomment>
        <translation>损失与准确率</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A logarithmic loss axis</source>
        <translation>损失使用对数坐标轴</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+7"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+151"/>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>each step (smoothed)</source>
        <translation>逐步（平滑后）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Press Play to train</source>
        <translation>按“播放”开始训练</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Run {n}</source>
        <translation>第 {n} 次</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keep run</source>
        <translation>保留本次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep as reference: the curves of this run stay in the plot, pale, while the next run trains (Reset does not remove them)</source>
        <translation>保留为参照：本次训练的曲线以浅色留在图中，供下一次训练对比（“重置”不会清除它们）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep as reference</source>
        <translation>保留为参照</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept runs…</source>
        <translation>已保留的训练…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove all kept runs</source>
        <translation>移除所有保留的训练</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nnstudio/gui/main_window.py" line="+212"/>
        <source>Layers</source>
        <extracomment>the dashboard columns&apos; default widths (in proportion: the middle one holds the pictures) width of the data / inspector / training tabs on the right a window narrower or lower than this takes the compact arrangement (`arrange_docks`) the palette&apos;s width beside the canvas: in the wide and in the compact arrangement how the compact dashboard&apos;s columns share the width their tabs leave: the loss and weights group, the pictures, the data, training settings (and lesson) group pixels between two columns of docks the dashboard&apos;s height in the compact arrangement, as a share of the window&apos;s the layer palette (the name hides QWidget.palette(), which the window never calls) the docks are as `arrange_docks` left them (for the compact or the wide window), so a resize across COMPACT_BELOW arranges them again the window&apos;s size when last arranged</extracomment>
        <translation>层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Training Settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start an empty design</source>
        <translation>新建一个空白设计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a design file</source>
        <translation>打开一个设计文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the design</source>
        <translation>保存设计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the design to a new file</source>
        <translation>把设计保存到一个新文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected layers</source>
        <translation>删除选中的层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fit</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole network</source>
        <translation>显示整个网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto &amp;Layout</source>
        <translation>自动布局(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrange the layers left to right</source>
        <translation>把各层从左到右排列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the panels back where they started</source>
        <translation>把各个面板放回初始位置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Example</source>
        <translation>打开示例(&amp;E)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Training Toolbar</source>
        <translation>训练工具栏</translation>
    </message>
    <message>
        <location line="+69"/>
        <location line="+85"/>
        <location line="+8"/>
        <location line="+53"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>{name}[*] — nnstudio</source>
        <translation>{name}[*] — nnstudio</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The clipboard holds no layers</source>
        <translation>剪贴板中没有层</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open design</source>
        <translation>打开设计</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save design</source>
        <translation>保存设计</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>nnstudio designs (*.json);;All files (*)</source>
        <translation>nnstudio 设计文件 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>MistakesPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/images/mistakes.py" line="+24"/>
        <source>Mistakes</source>
        <translation>错例</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{true} → {predicted}
{confidence:.0%} sure</source>
        <translation>{true} → {predicted}
置信度 {confidence:.0%}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{wrong} of {total} wrong · true → predicted</source>
        <translation>{total} 个中错了 {wrong} 个 · 真实 → 预测</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The most confident mistakes are shown for image classification</source>
        <translation>最有把握的错例只针对图像分类显示</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No mistakes: every one of the {count} images checked is classified correctly</source>
        <translation>没有错例：检查过的 {count} 张图像全部分类正确</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Press Play to train: the images the network gets wrong with the most confidence appear here</source>
        <translation>按“播放”开始训练：这里会显示网络最有把握却判断错误的图像</translation>
    </message>
</context>
<context>
    <name>ModelSummary</name>
    <message>
        <location filename="../../nnstudio/gui/summary.py" line="+56"/>
        <source>Click a problem to select its layer</source>
        <translation>单击一个问题即可选中相应的层</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Empty: drag layers onto the canvas</source>
        <translation>空白：把层拖到画布上</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✔ ready to train</source>
        <translation>✔ 可以训练</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✖ 1 problem</source>
        <translation>✖ 1 个问题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>✖ {count} problems</source>
        <translation>✖ {count} 个问题</translation>
    </message>
</context>
<context>
    <name>NetworkProblem</name>
    <message>
        <location filename="../../nnstudio/gui/network_text.py" line="+28"/>
        <source>the id {id} is used by more than one node</source>
        <extracomment>translation context of the findings the findings of nnstudio.core.graph.analyze and of the layers&apos; shape checks, the more specific before the more general where one could match the other&apos;s text</extracomment>
        <translation>编号 {id} 被多个节点使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown node type {type}</source>
        <translation>未知的节点类型 {type}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connection {source} → {target} names a node that does not exist: {names}</source>
        <translation>连接 {source} → {target} 指向不存在的节点：{names}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{source} is connected to {target} twice</source>
        <translation>{source} 与 {target} 连接了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the network is empty: drag an Input and some layers in</source>
        <translation>网络是空的：请拖入一个 Input 和一些层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an {type} node takes no incoming connections</source>
        <translation>{type} 节点不接受输入连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has no input: connect a layer to it</source>
        <translation>没有输入：请把一个层连接到它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{type} takes one input but {count} are connected ({names}); merge them with Add or Concatenate first</source>
        <translation>{type} 只接受一个输入，但连接了 {count} 个（{names}）；请先用 Add 或 Concatenate 把它们合并</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{type} needs at least {minimum} inputs, has {count}</source>
        <translation>{type} 至少需要 {minimum} 个输入，现在有 {count} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connections make a cycle through {path}; a network must flow one way</source>
        <translation>这些连接形成了环：{path}；网络必须单向流动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the network has no Input node</source>
        <translation>网络没有 Input 节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only one Input node is supported; also found {names}</source>
        <translation>只支持一个 Input 节点；另外还找到了 {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not connected to the input {input}</source>
        <translation>没有连接到输入 {input}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the network has several outputs ({names}): every branch must end in the one output node</source>
        <translation>网络有多个输出（{names}）：每个分支都必须汇入唯一的输出节点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the network has no layer after its Input</source>
        <translation>网络在 Input 之后没有任何层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot infer the output shape: {problem}</source>
        <translation>无法推断输出形状：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>would have {count} parameters (about {size} GB); the limit is {limit}</source>
        <translation>将有 {count} 个参数（约 {size} GB）；上限是 {limit}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>output shape {shape} is impossible or too large</source>
        <translation>输出形状 {shape} 不可能或过大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the network passes {limit} parameters here; make the layers smaller</source>
        <translation>网络到这里已超过 {limit} 个参数；请把层改小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} needs an image input of shape (channels, height, width), got {shape}: use Input shape [1, H, W] for a grey image</source>
        <translation>{layer} 需要形状为 (通道, 高, 宽) 的图像输入，实际是 {shape}：灰度图请把 Input 形状设为 [1, H, W]</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{layer} needs an image input of shape (channels, height, width), got {shape}</source>
        <translation>{layer} 需要形状为 (通道, 高, 宽) 的图像输入，实际是 {shape}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conv2D padding &apos;same&apos; needs stride 1, got stride {stride}: use a number for the padding</source>
        <translation>Conv2D 的填充 &apos;same&apos; 要求步幅为 1，实际步幅是 {stride}：请用一个数字作为填充</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conv2D kernel {kernel} does not fit the input {size} padded by {padding}: use a smaller kernel or more padding</source>
        <translation>Conv2D 卷积核 {kernel} 放不进填充 {padding} 后的输入 {size}：请用更小的卷积核或更多填充</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dense needs a flat input of shape (features,), got {shape}: add a Flatten before it</source>
        <translation>Dense 需要形状为 (特征数,) 的扁平输入，实际是 {shape}：请在它前面加一个 Flatten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add needs inputs of the same shape, got {shapes}</source>
        <translation>Add 需要形状相同的输入，实际是 {shapes}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} needs a sequence of shape (time steps, features) per sample, got {shape}: put an Embedding before it for ids</source>
        <translation>{layer} 的每个样本需要形状为（时间步, 特征）的序列，实际为 {shape}：若输入是编号，请在前面加一个 Embedding</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{layer} needs a sequence of shape (time steps, features) per sample, got {shape}</source>
        <translation>{layer} 的每个样本需要形状为（时间步, 特征）的序列，实际为 {shape}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Embedding needs ids of shape (time steps,) per sample, got {shape}</source>
        <translation>Embedding 的每个样本需要形状为（时间步,）的编号，实际为 {shape}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Concatenate axis {axis} does not exist for inputs of shape (batch, {rank} more axes): use an axis from 1 to {rank} (0 is the batch)</source>
        <translation>对形状为 (批, 另外 {rank} 个轴) 的输入，Concatenate 的轴 {axis} 不存在：请用 1 到 {rank} 之间的轴（0 是批维度）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Concatenate needs inputs with the same number of axes, got {shapes}</source>
        <translation>Concatenate 需要轴数相同的输入，实际是 {shapes}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Concatenate along axis {axis} needs inputs that match on every other axis, got {shapes}</source>
        <translation>沿轴 {axis} 拼接时，Concatenate 需要输入在其他各轴上一致，实际是 {shapes}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BatchNorm needs features (C,) or an image (C, H, W), got {shape}</source>
        <translation>BatchNorm 需要特征 (C,) 或图像 (C, H, W)，实际是 {shape}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{layer} padding {padding} is more than half the pool size {size}: some windows would hold nothing but padding</source>
        <translation>{layer} 的填充 {padding} 超过池化窗口 {size} 的一半：有些窗口里会只有填充</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{layer} window {window} is larger than the input {size} (padded by {padding}): use a smaller pool_size</source>
        <translation>{layer} 的窗口 {window} 比输入 {size}（填充 {padding}）还大：请用更小的 pool_size</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the output node must give a flat vector, but gives shape {shape}: add Flatten and Dense before it</source>
        <translation>输出节点必须给出一个扁平向量，但它给出的形状是 {shape}：请在它前面加上 Flatten 和 Dense</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the output layer has {units} units but the data has {classes} classes: give it {classes} units</source>
        <translation>输出层有 {units} 个单元，但数据有 {classes} 个类别：请把它设为 {classes} 个单元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>binary_cross_entropy needs two classes and one output unit (the data has {classes} classes, the output {units} units)</source>
        <translation>binary_cross_entropy 需要两个类别和一个输出单元（数据有 {classes} 个类别，输出有 {units} 个单元）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with mse on {classes} classes the output layer needs {classes} units (one-hot targets) or 1 unit</source>
        <translation>对 {classes} 个类别使用 mse 时，输出层需要 {classes} 个单元（独热目标）或 1 个单元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>with mse on {classes} classes the output layer needs {classes} units (one-hot targets)</source>
        <translation>对 {classes} 个类别使用 mse 时，输出层需要 {classes} 个单元（独热目标）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the data is a regression task: use the mse loss, not {loss}</source>
        <translation>这个数据是回归任务：请使用 mse 损失，而不是 {loss}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the output layer has {units} units but the data has {targets} target value(s) per sample</source>
        <translation>输出层有 {units} 个单元，但数据每个样本有 {targets} 个目标值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the Input shape {shape} does not match the data, whose samples have shape {data_shape}</source>
        <translation>Input 的形状 {shape} 与数据不符，数据样本的形状是 {data_shape}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>both ends must be nodes on the canvas</source>
        <translation>两端都必须是画布上的节点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{node} cannot feed itself</source>
        <translation>{node} 不能连接到它自己</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{node} is an Input: data enters there, nothing can connect into it</source>
        <translation>{node} 是 Input：数据从这里进入，不能有连接接入它</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{source} is already connected to {target}</source>
        <translation>{source} 已经连接到 {target}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting {source} → {target} would make a cycle ({target} already feeds {source}); a network must flow one way</source>
        <translation>连接 {source} → {target} 会形成环（{target} 已经流向 {source}）；网络必须单向流动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>training this network needs {estimate}, more than the {free} of memory free: make the layers smaller</source>
        <translation>训练这个网络需要 {estimate}，超过了可用的 {free} 内存：请把层改小</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>training this network needs {estimate}, {percent} of the {free} of memory free</source>
        <translation>训练这个网络需要 {estimate}，占可用的 {free} 内存的 {percent}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>about {total} ({weights} for the weights and their training state, {values} for the values of a batch of {batch})</source>
        <translation>约 {total}（权重及其训练状态 {weights}，一个 {batch} 样本的批次的数值 {values}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}: {problem}</source>
        <translation>{name}：{problem}</translation>
    </message>
</context>
<context>
    <name>NextValuePanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/next_values.py" line="+35"/>
        <source>Predicted vs true</source>
        <translation>预测值与真实值</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>time step</source>
        <translation>时间步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>true next value</source>
        <translation>真实的下一个值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Predicted vs true is drawn for next-value tasks: the sequence source&apos;s sine or sum_of_sines</source>
        <translation>预测值与真实值只对预测下一个值的任务绘制：sequence 数据源的 sine 或 sum_of_sines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press Play to train</source>
        <translation>按“播放”开始训练</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Predicted vs true needs a network from the sequence to one value, such as RNN → Dense(1)</source>
        <translation>预测值与真实值需要一个把序列映射到一个值的网络，例如 RNN → Dense(1)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>● true next value · ✕ predicted · {count} {split} sequences</source>
        <translation>● 真实的下一个值 · ✕ 预测值 · {split}的 {count} 条序列</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>mean squared error {mse:.3g} · {count} {split} sequences</source>
        <translation>均方误差 {mse:.3g} · {split}的 {count} 条序列</translation>
    </message>
</context>
<context>
    <name>NodeForm</name>
    <message>
        <location filename="../../nnstudio/gui/inspector.py" line="-219"/>
        <source>This layer has no parameters.</source>
        <translation>这个层没有参数。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Output shape {shape}</source>
        <translation>输出形状 {shape}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} parameters</source>
        <translation>{count} 个参数</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Set {node} {param}</source>
        <translation>设置 {node} 的 {param}</translation>
    </message>
</context>
<context>
    <name>NpzImportDialog</name>
    <message>
        <location filename="../../nnstudio/gui/imports/npz_dialog.py" line="+35"/>
        <source>Import NumPy arrays (.npz)</source>
        <extracomment>samples previewed as images when the inputs are images</extracomment>
        <translation>导入 NumPy 数组（.npz）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose an .npz file</source>
        <translation>选择 .npz 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NumPy archives (*.npz);;All files (*)</source>
        <translation>NumPy 归档文件 (*.npz);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Decide from the targets</source>
        <translation>根据目标自动判断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inputs (x)</source>
        <translation>输入 (x)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets (y)</source>
        <translation>目标 (y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>sample {i}</source>
        <translation>样本 {i}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file holds no arrays to choose from.</source>
        <translation>文件中没有可供选择的数组。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose different arrays for the inputs and the targets.</source>
        <translation>输入和目标请选择不同的数组。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The inputs {x} hold {dtype} values; inputs must be numbers.</source>
        <translation>输入 {x} 中是 {dtype} 类型的值；输入必须是数值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The inputs {x} have shape {shape}; they need (samples, features), (samples, height, width) or (samples, channels, height, width).</source>
        <translation>输入 {x} 的形状为 {shape}；需要的形状是 (样本, 特征)、(样本, 高, 宽) 或 (样本, 通道, 高, 宽)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{x} has {n} samples but {y} has shape {shape}: one target per sample is needed.</source>
        <translation>{x} 有 {n} 个样本，而 {y} 的形状为 {shape}：每个样本需要一个目标。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} samples: inputs {x} {dtype} ({kind}); targets: {count} {ydtype} value(s) each.</source>
        <translation>{n} 个样本：输入 {x} {dtype}（{kind}）；目标：每个样本 {count} 个 {ydtype} 值。</translation>
    </message>
</context>
<context>
    <name>OffViewCue</name>
    <message>
        <location filename="../../nnstudio/gui/offview_cue.py" line="+62"/>
        <source>◀ {count} more</source>
        <extracomment>the cue&apos;s distance from the canvas&apos;s edge, in pixels the share of the canvas&apos;s width a click on the cue scrolls</extracomment>
        <translation>◀ 还有 {count} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} more cards to the left: click to scroll</source>
        <translation>左边还有 {count} 张卡片：点击滚动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} more ▶</source>
        <translation>还有 {count} 个 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} more cards to the right: click to scroll</source>
        <translation>右边还有 {count} 张卡片：点击滚动</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/base.py" line="+140"/>
        <source>This panel could not draw the latest snapshot: {error}</source>
        <extracomment>characters of an exception&apos;s message a failing panel shows in place of its plots how training goes: the loss, the confusion matrix what the network makes of the data: the decision boundary, the fitted curve, samples inside the network: weights, gradients, filters, feature maps every panel class that declares its placement, in the order their modules were imported the Snapshot probes the panel draws (see Snapshot.fresh): while training runs, it is only given snapshots that refresh one of them; None: every snapshot where the panel goes on the dashboard; declared by every dashboard panel class the size the plots are legible at, from the back of a lecture hall the message of the exception the last drawing raised, or None</extracomment>
        <translation>此面板无法绘制最新的快照：{error}</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <location filename="../../nnstudio/gui/data/params.py" line="+125"/>
        <source>auto</source>
        <extracomment>the rows were made anew (another source)</extracomment>
        <translation>自动</translation>
    </message>
</context>
<context>
    <name>PathField</name>
    <message>
        <location filename="../../nnstudio/gui/imports/widgets.py" line="+39"/>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>PredictionTilesPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/images/predicted.py" line="+42"/>
        <source>Click an image to see its feature maps</source>
        <extracomment>the Snapshot probes this panel draws (the feeder skips snapshots without them) (position in the held-out split): the user clicked that sample&apos;s tile the held-out positions of the tiles on show, in tile order</extracomment>
        <translation>点击图像，查看它的特征图</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="+1"/>
        <source>PageDown / PageUp: step · B: Play / Pause · →: one step · Esc: leave</source>
        <translation>PageDown / PageUp：切换步骤 · B：播放 / 暂停 · →：单步 · Esc：退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presentation</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Present</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full screen for the lecture hall: large text, the canvas, the lesson and its panels (Esc leaves)</source>
        <translation>为教室全屏显示：大号文字、画布、课程及其面板（按 Esc 退出）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss {loss:.4g}</source>
        <translation>损失 {loss:.4g}</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../nnstudio/gui/dialogs.py" line="+51"/>
        <source>Cannot open {name}</source>
        <translation>无法打开 {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; cannot be opened: 1 problem</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 无法打开：1 个问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{name}&lt;/b&gt; cannot be opened: {count} problems</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 无法打开：{count} 个问题</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>RaceAction</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="+1"/>
        <source>&amp;Race Variants…</source>
        <translation>对比变体(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train two to four variants of this design side by side</source>
        <translation>并排训练此设计的二到四个变体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Saved &amp;Race</source>
        <translation>打开保存的对比(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Race the variants saved in this design</source>
        <translation>对比此设计中保存的变体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save race</source>
        <translation>保存对比</translation>
    </message>
</context>
<context>
    <name>RaceMaker</name>
    <message>
        <location filename="../../nnstudio/gui/race/maker.py" line="+113"/>
        <source>Race variants</source>
        <translation>对比变体</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(nothing else)</source>
        <translation>（不再改变其他设置）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vary</source>
        <translation>改变</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>and</source>
        <translation>以及</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values</source>
        <translation>取值</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Race</source>
        <translation>开始对比</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Values are separated by commas.</source>
        <translation>取值之间用逗号分隔。</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="+1"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data noise</source>
        <translation>数据噪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activation of every hidden layer</source>
        <translation>所有隐藏层的激活函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initialiser of every layer</source>
        <translation>所有层的初始化方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 of every layer</source>
        <translation>所有层的 L2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A race has 2 to 4 variants; these values make {n}.</source>
        <translation>对比需要 2 到 4 个变体；这些取值得到 {n} 个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activation of {id}</source>
        <translation>{id} 的激活函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout rate of {id}</source>
        <translation>{id} 的丢弃率</translation>
    </message>
</context>
<context>
    <name>RaceWindow</name>
    <message>
        <location filename="../../nnstudio/gui/race/view.py" line="-204"/>
        <source>Race: {name}</source>
        <extracomment>a colour per variant, in race order (kept with the variant when another is removed)</extracomment>
        <translation>对比：{name}</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+105"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Building the variants…</source>
        <translation>正在构建变体…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>solid: training · dashed: validation</source>
        <translation>实线：训练 · 虚线：验证</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save in Design</source>
        <translation>保存到设计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save these variants in the design&apos;s race section, to open again with Training ▸ Open Saved Race</source>
        <translation>把这些变体保存到设计的对比部分，之后可用“训练 ▸ 打开保存的对比”再次打开</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+1"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The race cannot start.</source>
        <translation>对比无法开始。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The race stopped: {message}</source>
        <translation>对比已停止：{message}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>epoch {n}</source>
        <translation>第 {n} 轮</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../nnstudio/gui/figure_dialogs.py" line="-247"/>
        <location line="+57"/>
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <location line="-48"/>
        <source> frames/s</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Animated GIF (plays everywhere)</source>
        <translation>GIF 动画（到处都能播放）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Animated WebP (smaller, sharper)</source>
        <translation>WebP 动画（更小、更清晰）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record:</source>
        <translation>录制内容：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frame rate:</source>
        <translation>帧率：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A recording stops by itself after {seconds} s. Press Stop in the status bar to end and save it.</source>
        <translation>录制在 {seconds} 秒后自动停止。按状态栏中的“停止”可提前结束并保存。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start Recording</source>
        <translation>开始录制</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Animations (*.gif *.webp)</source>
        <translation>动画 (*.gif *.webp)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
</context>
<context>
    <name>Recorder</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="+1"/>
        <source>Nothing was recorded.</source>
        <translation>没有录制到任何内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This Pillow cannot write WebP; save the recording as GIF.</source>
        <translation>此 Pillow 无法写入 WebP，请将录制保存为 GIF。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving a recording needs the Pillow package (pip install Pillow).</source>
        <translation>保存录制需要 Pillow 软件包（pip install Pillow）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A recording is saved as .gif or .webp, not “{name}”.</source>
        <translation>录制只能保存为 .gif 或 .webp，不能保存为“{name}”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recording stopped at its limit of {seconds} s.</source>
        <translation>录制已达到 {seconds} 秒的上限，自动停止。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>RecordingIndicator</name>
    <message>
        <location filename="../../nnstudio/gui/figure_dialogs.py" line="+17"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>● Recording {time}</source>
        <translation>● 正在录制 {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving the recording…</source>
        <translation>正在保存录制…</translation>
    </message>
</context>
<context>
    <name>SamplesPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/images/samples.py" line="+29"/>
        <source>Predictions</source>
        <extracomment>class names up to this many characters together fit one caption line: &quot;7 (is 3)&quot;</extracomment>
        <translation>预测</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only mistakes</source>
        <translation>只看错例</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No mistakes among the first {count} {split} images</source>
        <translation>前 {count} 张{split}图像中没有错例</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{correct} of {total} {split} images right ({accuracy:.1%}) at step {step}</source>
        <translation>第 {step} 步：{total} 张{split}图像中 {correct} 张正确（{accuracy:.1%}）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{predicted} (is {true})</source>
        <translation>{predicted}（实为 {true}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{predicted}
is {true}</source>
        <translation>{predicted}
实为 {true}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Predicted and true labels of sample images are shown for image classification</source>
        <translation>样本图像的预测标签和真实标签只针对图像分类显示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press Play to train: the validation images appear here with the class the network predicts</source>
        <translation>按“播放”开始训练：这里会显示验证集图像以及网络预测的类别</translation>
    </message>
</context>
<context>
    <name>SketchPad</name>
    <message>
        <location filename="../../nnstudio/gui/panels/images/sketch.py" line="+33"/>
        <source>Draw with the left mouse button</source>
        <extracomment>the drawing&apos;s resolution (square), whatever size the widget has on screen the pen&apos;s width as a share of the drawing&apos;s side: about a stroke of the digits datasets</extracomment>
        <translation>按住鼠标左键书写</translation>
    </message>
</context>
<context>
    <name>SplitSettings</name>
    <message>
        <location filename="../../nnstudio/gui/imports/widgets.py" line="+44"/>
        <source>Standardise the inputs (mean 0, std 1)</source>
        <translation>标准化输入（均值 0，标准差 1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shift and scale every input feature (image channel) using the training split&apos;s statistics only.</source>
        <translation>只用训练集的统计量，对每个输入特征（图像通道）做平移和缩放。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The same seed gives the same split.</source>
        <translation>相同的种子得到相同的划分。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Fraction of the samples held out of training.</source>
        <translation>不参与训练、留出的样本比例。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Validation and test fractions must leave samples for training.</source>
        <translation>验证集和测试集的比例之和必须给训练集留下样本。</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../nnstudio/gui/lessons/start_page.py" line="+54"/>
        <source>Welcome to nnstudio</source>
        <extracomment>the smallest size the page opens at (pixels) an example&apos;s or a recent file&apos;s path</extracomment>
        <translation>欢迎使用 nnstudio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See neural networks learn</source>
        <translation>看神经网络如何学习</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The course, one lesson per idea</source>
        <translation>整套课程，每个概念一节课</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready-made designs to train</source>
        <translation>可以直接训练的现成设计</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New design</source>
        <translation>新建设计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An empty canvas</source>
        <translation>一张空白画布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A design file</source>
        <translation>一个设计文件</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Show at start</source>
        <translation>启动时显示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recent files</source>
        <translation>最近的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No recent files</source>
        <translation>没有最近的文件</translation>
    </message>
</context>
<context>
    <name>StepThrough</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="+4"/>
        <source>Hover a value or a weight to see its formula.</source>
        <translation>将鼠标悬停在数值或权重上，查看其公式。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frozen: {name} stays {value}</source>
        <translation>已冻结：{name} 保持为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(from {node})</source>
        <translation>（来自 {node}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>numerical (ε = {eps}): {value}, relative error {error}</source>
        <translation>数值梯度（ε = {eps}）：{value}，相对误差 {error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>({count} more terms)</source>
        <translation>（另有 {count} 项）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freeze parameters (they stop updating)</source>
        <translation>冻结参数（不再更新）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A frozen layer keeps its weights while the rest trains; saved in the design.</source>
        <translation>冻结的层在其余部分训练时保持权重不变；冻结状态保存在设计文件中。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>❄ frozen</source>
        <translation>❄ 已冻结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freeze {node}</source>
        <translation>冻结 {node}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unfreeze {node}</source>
        <translation>解冻 {node}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step Through</source>
        <translation>单步演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace</source>
        <translation>逐步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk one training step node by node: forward, loss, backward, update</source>
        <translation>逐个节点走完一次训练步骤：前向、损失、反向、更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next Stage</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous Stage</source>
        <translation>上一阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stage {number} of {count}</source>
        <translation>第 {number} 阶段，共 {count} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update: {optimizer}, step {step}</source>
        <translation>更新：{optimizer}，第 {step} 步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set {weight} to {value}</source>
        <translation>将 {weight} 设为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward: {node} ({type})</source>
        <translation>前向：{node}（{type}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backward: ∂L/∂{node}</source>
        <translation>反向：∂L/∂{node}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss: L = {loss} ({name})</source>
        <translation>损失：L = {loss}（{name}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>values {first}–{last}: mean {mean}</source>
        <translation>第 {first}–{last} 个值：平均 {mean}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>◀ Back</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ε (numerical gradient)</source>
        <translation>ε（数值梯度）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the network…</source>
        <translation>正在等待网络…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analytic</source>
        <translation>解析</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numerical</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rel. error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient check: analytic beside numerical</source>
        <translation>梯度检验：解析梯度与数值梯度对照</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set a weight or bias by hand (Ctrl+Z undoes)</source>
        <translation>手动设置权重或偏置（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not computed</source>
        <translation>未计算</translation>
    </message>
</context>
<context>
    <name>TextSamplePanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/text_sample.py" line="+50"/>
        <source>Generated text</source>
        <extracomment>the slider&apos;s steps per unit of temperature (0.1 … 2.0 by 0.05) the start offered first, when the vocabulary has its characters what stands in for the start before the first character of a short start</extracomment>
        <translation>生成的文本</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>how the text starts</source>
        <extracomment>(request, the text written, the error&apos;s message or &quot;&quot;) from the background job emitted on the GUI thread when a generation&apos;s text (or its error) is shown</extracomment>
        <translation>文本的开头</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Low: the likeliest characters, repetitive; high: more surprising, more mistakes</source>
        <translation>低：选最可能的字符，容易重复；高：更出人意料，错误也更多</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Start:</source>
        <translation>开头：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length:</source>
        <translation>长度：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Generated text is written by character models: choose the text source</source>
        <translation>生成的文本由字符模型写出：请选择 text 数据源</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Press Play to train</source>
        <translation>按“播放”开始训练</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Generated text needs a network from character ids to one score per character, such as Embedding → LSTM → Dense</source>
        <translation>生成文本需要一个从字符编号到每个字符一个分数的网络，例如 Embedding → LSTM → Dense</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a start and a temperature, then press Generate</source>
        <translation>选择开头和温度，然后按“生成”</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>These characters are not in the text the model learnt: {characters}</source>
        <translation>这些字符不在模型学过的文本里：{characters}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Writing {count} characters…</source>
        <translation>正在写 {count} 个字符…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The text could not be generated: {error}</source>
        <translation>无法生成文本：{error}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} characters at temperature {t:.2f} after “{seed}”, with the weights of epoch {epoch}</source>
        <translation>在“{seed}”之后以温度 {t:.2f} 写出 {count} 个字符，用的是第 {epoch} 轮的权重</translation>
    </message>
</context>
<context>
    <name>TextScale</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="-38"/>
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;maller Text</source>
        <translation>缩小文字(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset &amp;Text Size</source>
        <translation>恢复文字大小(&amp;T)</translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <location filename="../../nnstudio/gui/training/controls.py" line="+148"/>
        <source>Full speed</source>
        <extracomment>the toolbars&apos; looks as the window narrows, roomiest first: their icons&apos; size (a fraction of each toolbar&apos;s own) and whether the buttons other than the training ones keep their text seconds between steps for each speed, fastest first each toolbar&apos;s own icon size and button style, as first seen</extracomment>
        <translation>全速</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Smooth: 100 steps/s</source>
        <translation>流畅：每秒 100 步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slow: 10 steps/s</source>
        <translation>慢速：每秒 10 步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Slow motion: 1 step/s</source>
        <translation>慢动作：每秒 1 步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full speed trains fastest and redraws a few times a second; Smooth redraws as often as the screen can; the slow speeds show every single step</source>
        <translation>全速训练最快，每秒重绘几次；流畅模式按屏幕允许的最高频率重绘；慢速模式展示每一步</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+53"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Start or pause training (Space)</source>
        <translation>开始或暂停训练（空格键）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train on one mini-batch, then pause</source>
        <translation>在一个小批量上训练，然后暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch</source>
        <translation>一轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train to the end of the current epoch, then pause</source>
        <translation>训练到当前这一轮结束，然后暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start again from fresh weights (the design&apos;s seed and settings)</source>
        <translation>用新的权重重新开始（使用设计中的随机种子和设置）</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+48"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Cannot train yet: {problem}</source>
        <translation>还不能训练：{problem}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stopped early</source>
        <translation>已早停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{rate:.0f} steps/s</source>
        <translation>每秒 {rate:.0f} 步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loss {loss:.4g}</source>
        <translation>损失 {loss:.4g}</translation>
    </message>
</context>
<context>
    <name>TrainingPrompts</name>
    <message>
        <location filename="../../nnstudio/gui/translation_marks.py" line="+37"/>
        <source>Discard the trained weights?</source>
        <translation>丢弃已训练的权重吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This change needs a new network, so the weights trained so far will be lost.</source>
        <translation>这项修改需要重新构建网络，目前训练好的权重将会丢失。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel keeps the trained network and undoes the change.</source>
        <translation>选择“取消”会保留已训练的网络，并撤销这项修改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the trained weights?</source>
        <translation>保存已训练的权重吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening the design again then shows the trained network.</source>
        <translation>这样再次打开设计时就能看到训练好的网络。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also save the trained weights beside the design, as {name}?</source>
        <translation>同时把训练好的权重保存在设计文件旁边，文件名为 {name}？</translation>
    </message>
</context>
<context>
    <name>TrainingUi</name>
    <message>
        <location filename="../../nnstudio/gui/training/ui.py" line="+143"/>
        <source>Training has finished: raise the epoch limit to go on, or press Reset to start again</source>
        <extracomment>the message of the exception the last drawing raised, or None</extracomment>
        <translation>训练已结束：提高轮数上限可以继续训练，或按“重置”重新开始</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Loaded the trained weights from {path}</source>
        <translation>已从 {path} 加载训练好的权重</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The weights saved beside the design were not loaded, so training starts from fresh weights: {problem}</source>
        <translation>没有加载设计文件旁边保存的权重，训练将从新的权重开始：{problem}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing to train yet: {problem}</source>
        <translation>还没有可训练的网络：{problem}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Could not save the weights</source>
        <translation>无法保存权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved the trained weights to {path}</source>
        <translation>已把训练好的权重保存到 {path}</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../../nnstudio/gui/training/worker.py" line="+471"/>
        <source>There is no trained network to save.</source>
        <extracomment>the longest a slice of training keeps the worker&apos;s event loop waiting in slow motion at least this many milliseconds apart, every step gets a full snapshot what the training worker does with each command (Snapshot, commands handled before it); the next one follows only after `acknowledge` training started (True) or stopped: paused, finished, a step target reached, diverged a Divergence: training paused and the weights of a checkpoint with a sane loss are back a LoadReport, after every `load` (path, problem): the weights were written to path (&quot;&quot; problem) or not (request, class probabilities (classes,) or None): the answer to `predict` a WorkerFailure: something raised; training is paused, the weights are kept (request, Trace or None): the answer to step-through&apos;s TraceStep (gui/stepthrough) how many counted commands this worker has handled</extracomment>
        <translation>没有可以保存的已训练网络。</translation>
    </message>
</context>
<context>
    <name>WeightsPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/weights.py" line="+33"/>
        <source>Weights</source>
        <extracomment>the most columns the heat map keeps per parameter; older ones are merged in pairs value bins of the heat map</extracomment>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Parameter:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+6"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>% of values</source>
        <translation>占比（%）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distribution over time (dark: many values)</source>
        <translation>分布随时间的变化（颜色越深，数值越多）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Press Play to train</source>
        <translation>按“播放”开始训练</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>{name} ({shape}) · mean {mean:.3g} · std {std:.3g}</source>
        <translation>{name} ({shape}) · 均值 {mean:.3g} · 标准差 {std:.3g}</translation>
    </message>
</context>
<context>
    <name>WeightsProblem</name>
    <message>
        <location filename="../../nnstudio/gui/design_text.py" line="+6"/>
        <source>{path} is not a weights file (.npz)</source>
        <extracomment>the problems of loading a weights file (nnstudio.design.weights), the more specific first</extracomment>
        <translation>{path} 不是权重文件（.npz）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is damaged and cannot be read</source>
        <translation>{path} 已损坏，无法读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>appears twice in the archive</source>
        <translation>在压缩包中出现了两次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is missing from {name}</source>
        <translation>{name} 中缺少它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a parameter of this network</source>
        <translation>不是这个网络的参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is encrypted; nnstudio reads only plain .npz archives</source>
        <translation>已加密；nnstudio 只读取未加密的 .npz 压缩包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is compressed with zip method {method}; nnstudio reads only stored or deflated members, as numpy writes them</source>
        <translation>使用 zip 压缩方法 {method}；nnstudio 只读取 numpy 所写的存储或 deflate 压缩的成员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>claims {claimed} bytes, more than a parameter of shape {shape} can take ({most})</source>
        <translation>声称有 {claimed} 字节，超过形状为 {shape} 的参数所能容纳的大小（{most}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>claims {stored} stored bytes, more than the whole file holds ({size})</source>
        <translation>声称存储了 {stored} 字节，超过整个文件的大小（{size}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>claims {claimed} bytes but stores {stored}: the archive is damaged</source>
        <translation>声称有 {claimed} 字节，实际存储 {stored} 字节：压缩包已损坏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>claims {claimed} bytes from {stored} deflated, more than deflate can expand: the archive is damaged</source>
        <translation>声称由 {stored} 字节 deflate 数据解压为 {claimed} 字节，超出 deflate 的最大解压比：压缩包已损坏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>holds Python objects, which nnstudio never loads</source>
        <translation>包含 Python 对象，nnstudio 从不加载它们</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not an array of real numbers ({dtype})</source>
        <translation>不是实数数组（{dtype}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has shape {shape}, this network needs {expected}</source>
        <translation>形状为 {shape}，这个网络需要 {expected}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>holds NaN or infinite values</source>
        <translation>包含 NaN 或无穷大的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>holds values too large for {dtype} (up to {largest}; {dtype} holds up to {limit})</source>
        <translation>包含对 {dtype} 来说太大的值（最大 {largest}；{dtype} 最多能表示 {limit}）</translation>
    </message>
</context>
<context>
    <name>WordVectorsPanel</name>
    <message>
        <location filename="../../nnstudio/gui/panels/word_vectors.py" line="+59"/>
        <source>Word vectors</source>
        <extracomment>neighbours listed and highlighted for the chosen word, and answers to an analogy the analogy asked first, when the vocabulary has its words (English, Chinese) the words&apos; labels, and the chosen word&apos;s and its neighbours&apos; (bold, on a white ground)</extracomment>
        <translation>词向量</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Word:</source>
        <translation>词：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Analogy:</source>
        <translation>类比：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>principal axis 1</source>
        <translation>主轴 1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>principal axis 2</source>
        <translation>主轴 2</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Word vectors are drawn for word data: choose the words source</source>
        <translation>词向量只对词语数据绘制：请选择 words 数据源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Play to train</source>
        <translation>按“播放”开始训练</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add an Embedding node: its vectors are the word vectors drawn here</source>
        <translation>请添加一个 Embedding 节点：它的向量就是这里绘制的词向量</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Embedding {node} has {rows} vectors, but the vocabulary has {words} words: give it num_embeddings {words}</source>
        <translation>Embedding {node} 有 {rows} 个向量，但词表有 {words} 个词：请把 num_embeddings 设为 {words}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>“{word}” is not in the vocabulary</source>
        <translation>“{word}”不在词表中</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>nearest to {word}: {words}</source>
        <translation>离 {word} 最近：{words}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{a} − {b} + {c} ≈ {words}</source>
        <translation>{a} − {b} + {c} ≈ {words}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../nnstudio/gui/dialogs.py" line="+42"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to “{name}”?</source>
        <translation>要保存对“{name}”的修改吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your changes are lost if you don&apos;t save them.</source>
        <translation>如果不保存，你的修改将会丢失。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recover the design you were editing when nnstudio stopped?</source>
        <translation>要恢复 nnstudio 停止时你正在编辑的设计吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{name}”, autosaved {time}</source>
        <translation>“{name}”，自动保存于 {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>imports</name>
    <message>
        <location filename="../../nnstudio/gui/imports/__init__.py" line="+40"/>
        <source>CSV table…</source>
        <extracomment>kind → the dialog class for it (called with base_dir and parent)</extracomment>
        <translation>CSV 表格…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image folder…</source>
        <translation>图像文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MNIST IDX files…</source>
        <translation>MNIST IDX 文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NumPy .npz arrays…</source>
        <translation>NumPy .npz 数组…</translation>
    </message>
</context>
</TS>
