<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About r1desk</source>
        <translation>关于 r1desk</translation>
    </message>
    <message>
        <source>r1desk version {version}</source>
        <translation>r1desk 版本 {version}</translation>
    </message>
    <message>
        <source>A fast native desktop chat client for DeepSeek-R1, through Segmind or any OpenAI-compatible server.</source>
        <translation>一款快速的原生桌面 DeepSeek-R1 聊天客户端，可通过 Segmind 或任何兼容 OpenAI 的服务器使用。</translation>
    </message>
    <message>
        <source>Free software under the MIT License. Qt {qt}, PySide6 {pyside}.</source>
        <translation>基于 MIT 许可证的自由软件。Qt {qt}，PySide6 {pyside}。</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>设置文件</translation>
    </message>
    <message>
        <source>Conversation database</source>
        <translation>对话数据库</translation>
    </message>
    <message>
        <source>Conversations and log:</source>
        <translation>对话和日志：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>设置：</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Shows the folder with your conversations in the file manager</source>
        <translation>在文件管理器中显示保存对话的文件夹</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear text</source>
        <translation>清除文字</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>The server&apos;s reply was larger than {size}, so it was not read.</source>
        <translation>服务器的回复超过 {size}，因此未读取。</translation>
    </message>
    <message>
        <source>The server&apos;s reply was not valid UTF-8 text.</source>
        <translation>服务器的回复不是有效的 UTF-8 文本。</translation>
    </message>
    <message>
        <source>The server sent an empty reply.</source>
        <translation>服务器返回了空回复。</translation>
    </message>
    <message>
        <source>The server answered with a web page instead of data.</source>
        <translation>服务器返回的是网页，而不是数据。</translation>
    </message>
    <message>
        <source>The server&apos;s reply was not valid JSON.</source>
        <translation>服务器的回复不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The provider reported an error instead of a reply</source>
        <translation>服务商返回了错误，而不是回复</translation>
    </message>
    <message>
        <source>The server&apos;s reply did not have the expected shape.</source>
        <translation>服务器回复的格式与预期不符。</translation>
    </message>
    <message>
        <source>The server&apos;s reply did not contain a chat answer.</source>
        <translation>服务器的回复中没有对话内容。</translation>
    </message>
    <message>
        <source>The reply stream contained unreadable data.</source>
        <translation>回复流中含有无法读取的数据。</translation>
    </message>
    <message>
        <source>The server&apos;s event stream held no reply.</source>
        <translation>服务器的事件流中没有回复。</translation>
    </message>
    <message>
        <source>The request failed.</source>
        <translation>请求失败。</translation>
    </message>
    <message>
        <source>Try again.</source>
        <translation>请重试。</translation>
    </message>
    <message>
        <source>The API key was refused.</source>
        <translation>API 密钥被拒绝。</translation>
    </message>
    <message>
        <source>Re-enter your API key in Settings.</source>
        <translation>请在设置中重新输入 API 密钥。</translation>
    </message>
    <message>
        <source>The API endpoint does not exist.</source>
        <translation>该 API 端点不存在。</translation>
    </message>
    <message>
        <source>Check the API base URL and the model name in Settings.</source>
        <translation>请在设置中检查 API 基础地址和模型名称。</translation>
    </message>
    <message>
        <source>The API endpoint does not accept this request.</source>
        <translation>该 API 端点不接受此请求。</translation>
    </message>
    <message>
        <source>Check the API base URL in Settings: the endpoint is misconfigured.</source>
        <translation>请在设置中检查 API 基础地址：端点配置有误。</translation>
    </message>
    <message>
        <source>Your credits are used up.</source>
        <translation>你的额度已用完。</translation>
    </message>
    <message>
        <source>The provider is limiting how many requests you can send.</source>
        <translation>服务商正在限制你可发送的请求数量。</translation>
    </message>
    <message>
        <source>Wait a minute, then retry.</source>
        <translation>请等待一分钟后重试。</translation>
    </message>
    <message>
        <source>Wait {duration}, then retry.</source>
        <translation>请等待 {duration} 后重试。</translation>
    </message>
    <message>
        <source>The server failed to produce a reply.</source>
        <translation>服务器未能生成回复。</translation>
    </message>
    <message>
        <source>Top up your credits at {url}, then retry.</source>
        <translation>请在 {url} 充值，然后重试。</translation>
    </message>
    <message>
        <source>Retry in a moment.</source>
        <translation>请稍后重试。</translation>
    </message>
    <message>
        <source>The server rejected the request.</source>
        <translation>服务器拒绝了该请求。</translation>
    </message>
    <message>
        <source>Check the model settings (max tokens, temperature, top-p) and retry.</source>
        <translation>请检查模型设置（最大令牌数、温度、top-p）后重试。</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>服务器未能及时响应。</translation>
    </message>
    <message>
        <source>Retry, or raise the time limit in Settings.</source>
        <translation>请重试，或在设置中提高时间限制。</translation>
    </message>
    <message>
        <source>Could not connect to the server.</source>
        <translation>无法连接到服务器。</translation>
    </message>
    <message>
        <source>Check your internet connection, proxy settings and the API base URL.</source>
        <translation>请检查网络连接、代理设置和 API 基础地址。</translation>
    </message>
    <message>
        <source>The connection was lost before the reply was complete.</source>
        <translation>回复完成之前连接已断开。</translation>
    </message>
    <message>
        <source>Retry. The provider may have charged for the lost reply.</source>
        <translation>请重试。服务商可能已对丢失的回复计费。</translation>
    </message>
    <message>
        <source>The server sent a reply r1desk could not read.</source>
        <translation>服务器发送了 r1desk 无法读取的回复。</translation>
    </message>
    <message>
        <source>Retry; if it keeps happening, check the API base URL in Settings.</source>
        <translation>请重试；如果问题持续出现，请在设置中检查 API 基础地址。</translation>
    </message>
    <message>
        <source>The server&apos;s reply was too large to accept.</source>
        <translation>服务器的回复过大，无法接收。</translation>
    </message>
    <message>
        <source>Segmind could not finish the queued request.</source>
        <translation>Segmind 无法完成排队的请求。</translation>
    </message>
    <message>
        <source>Retry; if it keeps failing, shorten the conversation or try another model.</source>
        <translation>请重试；如果一直失败，请缩短对话或换用其他模型。</translation>
    </message>
    <message>
        <source>No complete reply after {duration}, the time limit.</source>
        <translation>已达时间限制 {duration}，仍未收到完整回复。</translation>
    </message>
    <message>
        <source>{message}: {said}</source>
        <translation>{message}：{said}</translation>
    </message>
    <message>
        <source>{message}.</source>
        <translation>{message}。</translation>
    </message>
    <message>
        <source>The API key was refused ({code})</source>
        <translation>API 密钥被拒绝（{code}）</translation>
    </message>
    <message>
        <source>The address {url} does not exist ({code})</source>
        <translation>地址 {url} 不存在（{code}）</translation>
    </message>
    <message>
        <source>{url} does not accept chat requests ({code})</source>
        <translation>{url} 不接受对话请求（{code}）</translation>
    </message>
    <message>
        <source>Your credits are used up (HTTP 406)</source>
        <translation>你的额度已用完（HTTP 406）</translation>
    </message>
    <message>
        <source>{message} Balance: {balance}.</source>
        <translation>{message}余额：{balance}。</translation>
    </message>
    <message>
        <source>The provider is limiting requests ({code})</source>
        <translation>服务商正在限制请求（{code}）</translation>
    </message>
    <message>
        <source>The server failed to answer ({code})</source>
        <translation>服务器未能响应（{code}）</translation>
    </message>
    <message>
        <source>The server rejected the request ({code})</source>
        <translation>服务器拒绝了该请求（{code}）</translation>
    </message>
    <message>
        <source>The server redirected the request to {url} ({code}).</source>
        <translation>服务器将请求重定向到了 {url}（{code}）。</translation>
    </message>
    <message>
        <source>The server redirected the request ({code}).</source>
        <translation>服务器重定向了该请求（{code}）。</translation>
    </message>
    <message>
        <source>Update the API base URL in Settings.</source>
        <translation>请在设置中更新 API 基础地址。</translation>
    </message>
    <message>
        <source>The server answered with an unexpected {code}.</source>
        <translation>服务器返回了意外的 {code}。</translation>
    </message>
    <message>
        <source>Connecting to {host} timed out.</source>
        <translation>连接 {host} 超时。</translation>
    </message>
    <message>
        <source>The proxy refused the connection.</source>
        <translation>代理拒绝了连接。</translation>
    </message>
    <message>
        <source>Check the proxy settings.</source>
        <translation>请检查代理设置。</translation>
    </message>
    <message>
        <source>The API address {url} is not a valid http(s) URL.</source>
        <translation>API 地址 {url} 不是有效的 http(s) 网址。</translation>
    </message>
    <message>
        <source>Fix the API base URL in Settings.</source>
        <translation>请在设置中修正 API 基础地址。</translation>
    </message>
    <message>
        <source>Could not connect to {host}.</source>
        <translation>无法连接到 {host}。</translation>
    </message>
    <message>
        <source>{host} stopped sending data for {duration}.</source>
        <translation>{host} 已有 {duration} 未发送数据。</translation>
    </message>
    <message>
        <source>{host} stopped sending data.</source>
        <translation>{host} 停止发送数据。</translation>
    </message>
    <message>
        <source>Sending the request to {host} timed out.</source>
        <translation>向 {host} 发送请求超时。</translation>
    </message>
    <message>
        <source>Too many requests are already waiting for a connection.</source>
        <translation>已有太多请求在等待连接。</translation>
    </message>
    <message>
        <source>The connection to {host} was lost before the reply was complete.</source>
        <translation>回复完成之前，与 {host} 的连接已断开。</translation>
    </message>
    <message>
        <source>{host} sent a reply that could not be decompressed.</source>
        <translation>{host} 发送的回复无法解压。</translation>
    </message>
    <message>
        <source>{host} redirected too many times.</source>
        <translation>{host} 重定向次数过多。</translation>
    </message>
    <message>
        <source>The request to {host} failed ({kind}).</source>
        <translation>发往 {host} 的请求失败（{kind}）。</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Enter your {provider} API key in Settings.</source>
        <translation>请在设置中输入你的 {provider} API 密钥。</translation>
    </message>
    <message>
        <source>No API key is set.</source>
        <translation>尚未设置 API 密钥。</translation>
    </message>
    <message>
        <source>Paste your {provider} API key again in Settings.</source>
        <translation>请在设置中重新粘贴你的 {provider} API 密钥。</translation>
    </message>
    <message>
        <source>The API key contains spaces or characters that cannot be sent.</source>
        <translation>API 密钥包含空格或无法发送的字符。</translation>
    </message>
    <message>
        <source>The reply stopped before it was complete.</source>
        <translation>回复在完成之前中断了。</translation>
    </message>
    <message>
        <source>The server&apos;s model list did not have the expected shape.</source>
        <translation>服务器的模型列表格式与预期不符。</translation>
    </message>
    <message>
        <source>The server&apos;s credits reply did not contain a balance.</source>
        <translation>服务器的额度回复中没有余额。</translation>
    </message>
    <message>
        <source>status address</source>
        <translation>状态地址</translation>
    </message>
    <message>
        <source>result address</source>
        <translation>结果地址</translation>
    </message>
    <message>
        <source>The server&apos;s queued-mode reply had no {what}.</source>
        <translation>服务器的排队模式回复中没有{what}。</translation>
    </message>
    <message>
        <source>The server&apos;s queued-mode {what} is not a valid URL.</source>
        <translation>服务器的排队模式{what}不是有效的网址。</translation>
    </message>
    <message>
        <source>The server named a {what} on another server; r1desk did not send your key there.</source>
        <translation>服务器给出的{what}位于另一台服务器上；r1desk 没有将你的密钥发送到那里。</translation>
    </message>
    <message>
        <source>Check the API base URL in Settings.</source>
        <translation>请在设置中检查 API 基础地址。</translation>
    </message>
    <message>
        <source>The server&apos;s queued-mode reply had an unexpected shape.</source>
        <translation>服务器的排队模式回复格式与预期不符。</translation>
    </message>
    <message>
        <source>The server&apos;s queued-mode status could not be read.</source>
        <translation>无法读取服务器的排队模式状态。</translation>
    </message>
    <message>
        <source>The queued request finished without a reply.</source>
        <translation>排队的请求已结束，但没有回复。</translation>
    </message>
    <message>
        <source>Segmind could not finish the queued request</source>
        <translation>Segmind 无法完成排队的请求</translation>
    </message>
    <message>
        <source>the configured address</source>
        <translation>所配置的地址</translation>
    </message>
</context>
<context>
    <name>AppStatusBar</name>
    <message>
        <source>Provider and model</source>
        <translation>服务商和模型</translation>
    </message>
    <message>
        <source>Remaining credits</source>
        <translation>剩余额度</translation>
    </message>
    <message>
        <source>Cost of the last reply</source>
        <translation>上一条回复的费用</translation>
    </message>
    <message>
        <source>Last reply: none yet</source>
        <translation>上一条回复：暂无</translation>
    </message>
    <message>
        <source>Provider: {provider}
Model: {model}</source>
        <translation>服务商：{provider}
模型：{model}</translation>
    </message>
    <message>
        <source>Credits: not reported by this provider</source>
        <translation>额度：此服务商不提供</translation>
    </message>
    <message>
        <source>Credits: unknown (F5 to check)</source>
        <translation>额度：未知（按 F5 查询）</translation>
    </message>
    <message>
        <source>The balance is shown after the first reply or a check.</source>
        <translation>收到第一条回复或查询后显示余额。</translation>
    </message>
    <message>
        <source>Credits: {amount}</source>
        <translation>额度：{amount}</translation>
    </message>
    <message>
        <source>Remaining credits: {amount}</source>
        <translation>剩余额度：{amount}</translation>
    </message>
    <message>
        <source>Free credits: {amount}</source>
        <translation>免费额度：{amount}</translation>
    </message>
    <message>
        <source>Last reply: cost unknown</source>
        <translation>上一条回复：费用未知</translation>
    </message>
    <message>
        <source>Last reply: {amount} credits</source>
        <translation>上一条回复：{amount} 额度</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Conversation title</source>
        <translation>对话标题</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Ask R1 anything. Enter sends, Shift+Enter adds a line.</source>
        <translation>向 R1 提任何问题。Enter 发送，Shift+Enter 换行。</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Messages of the open conversation. Page Up and Page Down scroll, Space shows or hides the reasoning of the current message, Ctrl+C copies it, the context menu key offers more actions.</source>
        <translation>当前对话的消息。Page Up 和 Page Down 滚动，空格键显示或隐藏当前消息的推理过程，Ctrl+C 复制该消息，菜单键提供更多操作。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message R1…  (Enter sends, Shift+Enter adds a line)</source>
        <translation>给 R1 发消息…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Write a message. Enter sends, Shift+Enter adds a line.</source>
        <translation>输入消息。Enter 发送，Shift+Enter 换行。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop waiting for the reply (Esc)</source>
        <translation>停止等待回复（Esc）</translation>
    </message>
    <message>
        <source>Send the message (Enter)</source>
        <translation>发送消息（Enter）</translation>
    </message>
    <message>
        <source>R1 is still answering: send this once the reply is done, or press Esc to stop it.</source>
        <translation>R1 仍在回答：请在回复完成后再发送，或按 Esc 停止回复。</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>No API address is set. Enter the API address of your provider.</source>
        <translation>尚未设置 API 地址。请输入服务商的 API 地址。</translation>
    </message>
    <message>
        <source>{message} {next_step}</source>
        <translation>{message} {next_step}</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>已连接。</translation>
    </message>
    <message>
        <source>Connected. Free credits: {free}</source>
        <translation>已连接。免费额度：{free}</translation>
    </message>
    <message>
        <source>Connected. Credits: {credits} (free: {free})</source>
        <translation>已连接。额度：{credits}（免费：{free}）</translation>
    </message>
    <message>
        <source>Connected. Credits: {credits}</source>
        <translation>已连接。额度：{credits}</translation>
    </message>
    <message>
        <source>Connected. 1 model available.</source>
        <translation>已连接。有 1 个可用模型。</translation>
    </message>
    <message>
        <source>Connected. {count} models available.</source>
        <translation>已连接。有 {count} 个可用模型。</translation>
    </message>
    <message>
        <source>{text} The model “{model}” is not among them.</source>
        <translation>{text}其中没有模型“{model}”。</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>{title}, pinned</source>
        <translation>{title}，已置顶</translation>
    </message>
    <message>
        <source>Filter conversations (Ctrl+K)</source>
        <translation>筛选对话（Ctrl+K）</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>筛选对话</translation>
    </message>
    <message>
        <source>Shows only conversations whose title contains this text</source>
        <translation>只显示标题中包含此文字的对话</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话列表</translation>
    </message>
    <message>
        <source>Up and Down choose a conversation, Delete deletes it (Ctrl+Z undoes); the context menu key offers more</source>
        <translation>上下方向键选择对话，Delete 键删除（Ctrl+Z 撤销）；上下文菜单键提供更多操作</translation>
    </message>
    <message>
        <source>No conversation matches the filter.</source>
        <translation>没有符合筛选条件的对话。</translation>
    </message>
    <message>
        <source>No conversations yet. Ctrl+N starts one.</source>
        <translation>还没有对话。按 Ctrl+N 开始新对话。</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <source>Pin to top</source>
        <translation>置顶</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ConversationSettingsDialog</name>
    <message>
        <source>Settings for “{title}”</source>
        <translation>“{title}”的设置</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>App default: {value}</source>
        <translation>应用默认：{value}</translation>
    </message>
    <message>
        <source>App default: none</source>
        <translation>应用默认：无</translation>
    </message>
    <message>
        <source>System prompt for this conversation</source>
        <translation>此对话的系统提示词</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Leave a field empty to use the app-wide setting.</source>
        <translation>留空则使用应用的全局设置。</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>系统提示词：</translation>
    </message>
    <message>
        <source>Max tokens:</source>
        <translation>最大 token 数：</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p：</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} 等另外 {count} 个文件</translation>
    </message>
    <message>
        <source>{files} already exist(s); not overwriting (confirm, or use --force)</source>
        <translation>{files} 已存在；不会覆盖（请确认，或使用 --force）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <source>Web page (.html)</source>
        <translation>网页 (.html)</translation>
    </message>
    <message>
        <source>PDF (.pdf)</source>
        <translation>PDF (.pdf)</translation>
    </message>
    <message>
        <source>JSON, lossless (.json)</source>
        <translation>JSON，无损 (.json)</translation>
    </message>
    <message>
        <source>Plain text (.txt)</source>
        <translation>纯文本 (.txt)</translation>
    </message>
    <message>
        <source>Export conversations</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>This conversation: {title}</source>
        <translation>当前对话：{title}</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>The {count} selected conversations</source>
        <translation>选中的 {count} 个对话</translation>
    </message>
    <message>
        <source>All conversations (one file each)</source>
        <translation>所有对话（每个对话一个文件）</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Include R1&apos;s reasoning</source>
        <translation>包含 R1 的推理过程</translation>
    </message>
    <message>
        <source>Save to folder</source>
        <translation>保存到文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the folder to export to</source>
        <translation>选择导出的目标文件夹</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Save to folder:</source>
        <translation>保存到文件夹：</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
</context>
<context>
    <name>Failure</name>
    <message>
        <source>No API key is set for {provider}.</source>
        <translation>尚未为 {provider} 设置 API 密钥。</translation>
    </message>
    <message>
        <source>{message} {next_step}</source>
        <translation>{message} {next_step}</translation>
    </message>
    <message>
        <source>Unlock or start your system keyring, then press Retry. Or enter the key for this session only in Settings.</source>
        <translation>请解锁或启动系统密钥环，然后点击“重试”。也可以在“设置”中输入仅用于本次会话的密钥。</translation>
    </message>
    <message>
        <source>R1 took longer than the gateway allows.</source>
        <translation>R1 用时超过了网关允许的时限。</translation>
    </message>
    <message>
        <source>Retry in queued mode: it waits for the reply without that time limit.</source>
        <translation>请以排队模式重试：它会等待回复，不受该时限限制。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the database is read-only</source>
        <translation>数据库为只读</translation>
    </message>
    <message>
        <source>Your message could not be saved: {reason}.</source>
        <translation>你的消息未能保存：{reason}。</translation>
    </message>
    <message>
        <source>It is still in the message box. Free some disk space, then press Send again.</source>
        <translation>它仍在输入框中。请释放一些磁盘空间，然后点击“再次发送”。</translation>
    </message>
    <message>
        <source>The reply could not be saved: {reason}.</source>
        <translation>回复未能保存：{reason}。</translation>
    </message>
    <message>
        <source>It is shown until r1desk closes: copy what you need, free some disk space, then press Retry to ask again.</source>
        <translation>在 r1desk 关闭前它会一直显示：请复制需要的内容，释放一些磁盘空间，然后点击“重试”重新提问。</translation>
    </message>
    <message>
        <source>{message} {explanation}</source>
        <translation>{message}{explanation}</translation>
    </message>
    <message>
        <source>Enter your API key to start chatting.</source>
        <translation>请输入 API 密钥以开始对话。</translation>
    </message>
    <message>
        <source>The API key could not be read from your system keyring: {reason}.</source>
        <translation>无法从系统密钥环读取 API 密钥：{reason}。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong while waiting for the reply.</source>
        <translation>等待回复时发生了意外错误。</translation>
    </message>
    <message>
        <source>Your message is saved; try again.</source>
        <translation>你的消息已保存；请重试。</translation>
    </message>
</context>
<context>
    <name>FailureBanner</name>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Retry in queued mode</source>
        <translation>以排队模式重试</translation>
    </message>
    <message>
        <source>Enter API key…</source>
        <translation>输入 API 密钥…</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>打开设置…</translation>
    </message>
    <message>
        <source>Top up credits…</source>
        <translation>充值额度…</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>再次发送</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hides this message</source>
        <translation>隐藏此提示</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Retry in {seconds} s</source>
        <translation>{seconds} 秒后重试</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in conversation</source>
        <translation>在对话中查找</translation>
    </message>
    <message>
        <source>Match count</source>
        <translation>匹配数</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <source>Close find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>第 {current} 个，共 {total} 个</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>the zip file holds no {name}</source>
        <translation>该 zip 文件中没有 {name}</translation>
    </message>
    <message>
        <source>not a conversation export r1desk knows (expected r1desk JSON or ChatGPT&apos;s conversations.json)</source>
        <translation>不是 r1desk 能识别的对话导出文件（应为 r1desk JSON 或 ChatGPT 的 conversations.json）</translation>
    </message>
    <message>
        <source>damaged zip file: {detail}</source>
        <translation>zip 文件已损坏：{detail}</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {offset})</source>
        <translation>不是 UTF-8 文本（第 {offset} 字节）</translation>
    </message>
    <message>
        <source>nested too deeply to be a conversation export</source>
        <translation>嵌套层级过深，不可能是对话导出文件</translation>
    </message>
    <message>
        <source>parent links form a cycle</source>
        <translation>父节点链接形成了循环</translation>
    </message>
    <message>
        <source>node {node} is not in mapping</source>
        <translation>节点 {node} 不在 mapping 中</translation>
    </message>
    <message>
        <source>missing conversation id</source>
        <translation>缺少对话 id</translation>
    </message>
    <message>
        <source>{reason} (line {line}, column {column})</source>
        <translation>{reason}（第 {line} 行，第 {column} 列）</translation>
    </message>
    <message>
        <source>{reason} (at {path})</source>
        <translation>{reason}（位于 {path}）</translation>
    </message>
    <message>
        <source>not valid JSON: {detail}</source>
        <translation>不是有效的 JSON：{detail}</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>expected {wanted}, found {got}</source>
        <translation>应为{wanted}，实际为 {got}</translation>
    </message>
    <message>
        <source>missing field {name}</source>
        <translation>缺少字段 {name}</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>应为数字</translation>
    </message>
    <message>
        <source>not an ISO 8601 time: {value}</source>
        <translation>不是 ISO 8601 时间：{value}</translation>
    </message>
    <message>
        <source>unknown {name} {value} (expected one of {allowed})</source>
        <translation>未知的 {name} {value}（应为以下之一：{allowed}）</translation>
    </message>
    <message>
        <source>empty uid</source>
        <translation>uid 为空</translation>
    </message>
    <message>
        <source>not an r1desk export (no &quot;app&quot;: &quot;r1desk&quot;)</source>
        <translation>不是 r1desk 导出文件（没有 &quot;app&quot;: &quot;r1desk&quot;）</translation>
    </message>
    <message>
        <source>missing or invalid format_version</source>
        <translation>format_version 缺失或无效</translation>
    </message>
    <message>
        <source>made by a newer r1desk (format_version {version}; this version reads {supported}): update r1desk to import it</source>
        <translation>由更新版本的 r1desk 生成（format_version {version}；本版本只能读取 {supported}）：请更新 r1desk 后再导入</translation>
    </message>
    <message>
        <source>unknown format_version {version}</source>
        <translation>未知的 format_version {version}</translation>
    </message>
    <message>
        <source>duplicate uid {uid}</source>
        <translation>重复的 uid {uid}</translation>
    </message>
    <message>
        <source>import cancelled; nothing was imported</source>
        <translation>导入已取消；未导入任何内容</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>{provider} API key</source>
        <translation>{provider} API 密钥</translation>
    </message>
    <message>
        <source>r1desk needs your {provider} API key to talk to DeepSeek-R1. Create one at &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;.</source>
        <translation>r1desk 需要你的 {provider} API 密钥才能与 DeepSeek-R1 对话。请在 &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt; 创建一个。</translation>
    </message>
    <message>
        <source>Paste your API key</source>
        <translation>粘贴你的 API 密钥</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Show key</source>
        <translation>显示密钥</translation>
    </message>
    <message>
        <source>Use for this session only (do not save)</source>
        <translation>仅在本次会话中使用（不保存）</translation>
    </message>
    <message>
        <source>The key is kept in your system keyring, never in a plain file.</source>
        <translation>密钥保存在系统密钥环中，绝不会写入普通文件。</translation>
    </message>
    <message>
        <source>No system keyring is available{problem}. The key will be used for this session only and forgotten when you quit. To save it, {next_step}.</source>
        <translation>没有可用的系统密钥环{problem}。此密钥仅在本次会话中使用，退出后即被遗忘。若要保存，请{next_step}。</translation>
    </message>
    <message>
        <source>The key in use comes from ${name}. A key you save here is used instead until you quit r1desk; at the next start, ${name} is used again if it is still set.</source>
        <translation>当前使用的密钥来自 ${name}。在此保存的密钥将取而代之，直到退出 r1desk；下次启动时，如果仍设置了 ${name}，将再次使用它。</translation>
    </message>
    <message>
        <source>Remove saved key</source>
        <translation>删除已保存的密钥</translation>
    </message>
</context>
<context>
    <name>KeyEditor</name>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Show key</source>
        <translation>显示密钥</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>删除密钥</translation>
    </message>
    <message>
        <source>API key status</source>
        <translation>API 密钥状态</translation>
    </message>
    <message>
        <source>Paste your {provider} API key</source>
        <translation>粘贴你的 {provider} API 密钥</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>The API key must not contain spaces or unusual characters.</source>
        <translation>API 密钥不能包含空格或特殊字符。</translation>
    </message>
    <message>
        <source>{reason} The key is used for this session only; press OK to close.</source>
        <translation>{reason} 此密钥仅在本次会话中使用；点击“确定”关闭。</translation>
    </message>
    <message>
        <source>No system keyring is available, so this key will be used for this session only. To save it, {next_step}.</source>
        <translation>没有可用的系统密钥环，因此此密钥仅在本次会话中使用。若要保存，请{next_step}。</translation>
    </message>
    <message>
        <source>The new key will be saved in your system keyring when you press OK.</source>
        <translation>点击“确定”后，新密钥将保存到系统密钥环。</translation>
    </message>
    <message>
        <source>The saved key will be removed when you press OK.</source>
        <translation>点击“确定”后，已保存的密钥将被删除。</translation>
    </message>
    <message>
        <source>Using the key from ${name}.</source>
        <translation>正在使用环境变量 ${name} 中的密钥。</translation>
    </message>
    <message>
        <source>A key is saved in your system keyring. Type a new one to replace it.</source>
        <translation>系统密钥环中已保存密钥。输入新密钥即可替换。</translation>
    </message>
    <message>
        <source>A key is set for this session only.</source>
        <translation>已设置仅用于本次会话的密钥。</translation>
    </message>
    <message>
        <source>No key is saved.</source>
        <translation>尚未保存密钥。</translation>
    </message>
</context>
<context>
    <name>KeyStore</name>
    <message>
        <source>unlock or start your system keyring (GNOME Keyring or KWallet)</source>
        <translation>解锁或启动系统密钥环（GNOME Keyring 或 KWallet）</translation>
    </message>
    <message>
        <source>unlock your Keychain</source>
        <translation>解锁“钥匙串”</translation>
    </message>
    <message>
        <source>check that the Windows Credential Manager works</source>
        <translation>确认 Windows 凭据管理器可以正常工作</translation>
    </message>
    <message>
        <source>unlock or start your system keyring</source>
        <translation>解锁或启动系统密钥环</translation>
    </message>
    <message>
        <source>{unlock}, or use the key for this session only</source>
        <translation>{unlock}，或仅在本次会话中使用此密钥</translation>
    </message>
    <message>
        <source>Your system keyring is not available: {reason}, next step: {next_step}.</source>
        <translation>系统密钥环不可用：{reason}。下一步：{next_step}。</translation>
    </message>
    <message>
        <source>no Secret Service was found (no D-Bus session)</source>
        <translation>未找到 Secret Service（没有 D-Bus 会话）</translation>
    </message>
    <message>
        <source>no secure keyring backend was found</source>
        <translation>未找到安全的密钥环后端</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Could not check credits: {reason}</source>
        <translation>无法查询额度：{reason}</translation>
    </message>
    <message>
        <source>Could not read the API key from the keyring: {reason}</source>
        <translation>无法从密钥环读取 API 密钥：{reason}</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>{title} — r1desk</source>
        <translation>{title} — r1desk</translation>
    </message>
    <message>
        <source>own system prompt</source>
        <translation>自定义系统提示词</translation>
    </message>
    <message>
        <source>max tokens {n}</source>
        <translation>最大 token 数 {n}</translation>
    </message>
    <message>
        <source>temperature {t}</source>
        <translation>温度 {t}</translation>
    </message>
    <message>
        <source>top-p {p}</source>
        <translation>top-p {p}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>save the draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>rename the conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <source>pin the conversation</source>
        <translation>置顶对话</translation>
    </message>
    <message>
        <source>unpin the conversation</source>
        <translation>取消置顶对话</translation>
    </message>
    <message>
        <source>delete the conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <source>Deleted “{title}”. Ctrl+Z to undo.</source>
        <translation>已删除“{title}”。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>delete the conversations</source>
        <translation>删除这些对话</translation>
    </message>
    <message>
        <source>Deleted {count} conversations. Ctrl+Z to undo.</source>
        <translation>已删除 {count} 个对话。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>restore the conversation</source>
        <translation>恢复对话</translation>
    </message>
    <message>
        <source>A reply failed in another conversation: {reason}</source>
        <translation>另一个对话中的回复失败：{reason}</translation>
    </message>
    <message>
        <source>A reply arrived in another conversation.</source>
        <translation>另一个对话收到了回复。</translation>
    </message>
    <message>
        <source>The reply in “{title}” failed</source>
        <translation>“{title}”中的回复失败</translation>
    </message>
    <message>
        <source>R1 replied in “{title}”</source>
        <translation>R1 已在“{title}”中回复</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>编辑并重新发送</translation>
    </message>
    <message>
        <source>Later messages in this conversation will be replaced.</source>
        <translation>此对话中之后的消息将被替换。</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>删除消息</translation>
    </message>
    <message>
        <source>Delete this message? This cannot be undone.</source>
        <translation>删除这条消息？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>The new language is used after r1desk restarts.</source>
        <translation>新语言将在 r1desk 重启后生效。</translation>
    </message>
    <message>
        <source>Chat text size {percent}%</source>
        <translation>聊天文字大小 {percent}%</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <source>Conversations (*.json *.zip)</source>
        <translation>对话文件 (*.json *.zip)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported {added} conversation(s); {skipped} already present.</source>
        <translation>已导入 {added} 个对话；{skipped} 个已存在。</translation>
    </message>
    <message>
        <source>{reason} The key is used for this session only.</source>
        <translation>{reason} 密钥仅在本次会话中使用。</translation>
    </message>
    <message>
        <source>Follow &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>新建对话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Rename conversation…</source>
        <translation>重命名对话(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Pin or unpin conversation</source>
        <translation>置顶或取消置顶(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delete conversation</source>
        <translation>删除对话(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <source>Fi&amp;lter conversations</source>
        <translation>筛选对话(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Find in conversation…</source>
        <translation>在对话中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find ne&amp;xt</source>
        <translation>查找下一个(&amp;X)</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>Searc&amp;h all messages…</source>
        <translation>搜索全部消息(&amp;H)…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Show or hide &amp;reasoning</source>
        <translation>显示或隐藏推理过程(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stop reply</source>
        <translation>停止回复(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>上一个对话(&amp;P)</translation>
    </message>
    <message>
        <source>N&amp;ext conversation</source>
        <translation>下一个对话(&amp;E)</translation>
    </message>
    <message>
        <source>Conversation se&amp;ttings…</source>
        <translation>对话设置(&amp;T)…</translation>
    </message>
    <message>
        <source>Check &amp;credits</source>
        <translation>查询额度(&amp;C)</translation>
    </message>
    <message>
        <source>API &amp;key…</source>
        <translation>API 密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About r1desk</source>
        <translation>关于 r1desk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>聊天(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>More menus</source>
        <translation>更多菜单</translation>
    </message>
    <message>
        <source>Could not {what}: {reason}. Free some disk space, then try again.</source>
        <translation>无法{what}：{reason}。请释放一些磁盘空间后重试。</translation>
    </message>
</context>
<context>
    <name>MessageCard</name>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Thinking… {n} s</source>
        <translation>思考中… {n} 秒</translation>
    </message>
    <message>
        <source>Queued… {n} s</source>
        <translation>排队中… {n} 秒</translation>
    </message>
    <message>
        <source>Processing… {n} s</source>
        <translation>处理中… {n} 秒</translation>
    </message>
    <message>
        <source>Thought for {n} s</source>
        <translation>思考了 {n} 秒</translation>
    </message>
    <message>
        <source>Thought</source>
        <translation>思考过程</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <source>{n} credits</source>
        <translation>{n} 额度</translation>
    </message>
    <message>
        <source>Stopped — reply incomplete</source>
        <translation>已停止 — 回复不完整</translation>
    </message>
    <message>
        <source>Interrupted — r1desk closed before the reply was complete</source>
        <translation>已中断 — 回复完成前 r1desk 已关闭</translation>
    </message>
    <message>
        <source>The request failed.</source>
        <translation>请求失败。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>R1 is thinking</source>
        <translation>R1 正在思考</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <source>Stopped, reply incomplete</source>
        <translation>已停止，回复不完整</translation>
    </message>
    <message>
        <source>Reasoning expanded; Space hides it</source>
        <translation>推理过程已展开；按空格键隐藏</translation>
    </message>
    <message>
        <source>Reasoning collapsed; Space shows it</source>
        <translation>推理过程已折叠；按空格键显示</translation>
    </message>
</context>
<context>
    <name>MessageMenu</name>
    <message>
        <source>&amp;Copy answer</source>
        <translation>复制回答(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;reasoning</source>
        <translation>复制推理过程(&amp;R)</translation>
    </message>
    <message>
        <source>Copy &amp;both</source>
        <translation>复制两者(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Hide reasoning</source>
        <translation>隐藏推理过程(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Show reasoning</source>
        <translation>显示推理过程(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Edit and resend…</source>
        <translation>编辑并重新发送(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Re&amp;generate</source>
        <translation>重新生成(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Delete message…</source>
        <translation>删除消息(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <source>Search all conversations</source>
        <translation>搜索全部对话</translation>
    </message>
    <message>
        <source>Search every message</source>
        <translation>搜索所有消息</translation>
    </message>
    <message>
        <source>Search query</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <source>Up and Down choose a result, Enter opens it</source>
        <translation>上下方向键选择结果，Enter 打开</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>搜索状态</translation>
    </message>
    <message>
        <source>Type to search every message</source>
        <translation>输入文字以搜索所有消息</translation>
    </message>
    <message>
        <source>No messages match “{query}”</source>
        <translation>没有消息匹配“{query}”</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Choose one of: {choices}.</source>
        <translation>请选择以下之一：{choices}。</translation>
    </message>
    <message>
        <source>The API address must be text.</source>
        <translation>API 地址必须是文本。</translation>
    </message>
    <message>
        <source>The API address must not contain spaces.</source>
        <translation>API 地址不能包含空格。</translation>
    </message>
    <message>
        <source>The API address is not a valid URL.</source>
        <translation>API 地址不是有效的网址。</translation>
    </message>
    <message>
        <source>The API address must start with http:// or https://.</source>
        <translation>API 地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>The API address needs a host name, e.g. https://api.example.com/v1.</source>
        <translation>API 地址需要包含主机名，例如 https://api.example.com/v1。</translation>
    </message>
    <message>
        <source>Put the API key in the key field, not in the address.</source>
        <translation>请将 API 密钥填入密钥栏，而不是地址中。</translation>
    </message>
    <message>
        <source>The API address must not contain a &apos;#&apos; part.</source>
        <translation>API 地址不能包含“#”部分。</translation>
    </message>
    <message>
        <source>The model must be text.</source>
        <translation>模型必须是文本。</translation>
    </message>
    <message>
        <source>Use only letters, digits and . _ : / @ + - in the model name, without spaces.</source>
        <translation>模型名称只能使用字母、数字和 . _ : / @ + -，不能有空格。</translation>
    </message>
    <message>
        <source>The system prompt must be text.</source>
        <translation>系统提示词必须是文本。</translation>
    </message>
    <message>
        <source>Max tokens must be a whole number.</source>
        <translation>最大令牌数必须是整数。</translation>
    </message>
    <message>
        <source>Max tokens must be between 1 and 10,000,000.</source>
        <translation>最大令牌数必须在 1 到 10,000,000 之间。</translation>
    </message>
    <message>
        <source>{setting} must be a number.</source>
        <translation>{setting}必须是数字。</translation>
    </message>
    <message>
        <source>{setting} must be between {low} and {high}.</source>
        <translation>{setting}必须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>The theme must be system, light or dark.</source>
        <translation>主题必须是 system、light 或 dark。</translation>
    </message>
    <message>
        <source>The font size must be a whole number from 6 to 72.</source>
        <translation>字号必须是 6 到 72 之间的整数。</translation>
    </message>
    <message>
        <source>The language must be system, en or zh_CN.</source>
        <translation>语言必须是 system、en 或 zh_CN。</translation>
    </message>
    <message>
        <source>The zoom must be a whole percentage from {low} to {high}.</source>
        <translation>缩放比例必须是 {low} 到 {high} 之间的整数百分比。</translation>
    </message>
    <message>
        <source>The queued mode must be never, offer or always.</source>
        <translation>排队模式必须是 never、offer 或 always。</translation>
    </message>
    <message>
        <source>This must be true or false.</source>
        <translation>此项必须是 true 或 false。</translation>
    </message>
    <message>
        <source>Enter the API address of your provider.</source>
        <translation>请输入服务商的 API 地址。</translation>
    </message>
    <message>
        <source>Enter the model name your provider expects.</source>
        <translation>请输入服务商要求的模型名称。</translation>
    </message>
    <message>
        <source>The settings file does not hold a JSON object; using defaults.</source>
        <translation>设置文件中不是 JSON 对象；将使用默认设置。</translation>
    </message>
    <message>
        <source>Unknown setting {name} was ignored.</source>
        <translation>已忽略未知设置 {name}。</translation>
    </message>
    <message>
        <source>Setting {name} was reset to its default: {reason}</source>
        <translation>设置 {name} 已恢复为默认值：{reason}</translation>
    </message>
    <message>
        <source>The settings file could not be read ({kind}).</source>
        <translation>无法读取设置文件（{kind}）。</translation>
    </message>
    <message>
        <source>The settings file is not valid JSON; using defaults.</source>
        <translation>设置文件不是有效的 JSON；将使用默认设置。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Offer it when a reply outlasts the gateway</source>
        <translation>回复超过网关时限时提示使用</translation>
    </message>
    <message>
        <source>Always use it</source>
        <translation>始终使用</translation>
    </message>
    <message>
        <source>Never use it</source>
        <translation>从不使用</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>与系统相同</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Not set (the provider&apos;s default)</source>
        <translation>未设置（使用服务商默认值）</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API 地址</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>This run uses {url} (--api-base) while the provider and address stay as they are here.</source>
        <translation>本次运行使用 {url}（--api-base），只要此处的服务商和地址保持不变。</translation>
    </message>
    <message>
        <source>Queued mode waits for long R1 replies without the gateway&apos;s time limit, by asking Segmind every few seconds whether the reply is ready.</source>
        <translation>排队模式通过每隔几秒询问 Segmind 回复是否就绪，等待较长的 R1 回复，不受网关时限限制。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Show reasoning expanded</source>
        <translation>默认展开推理过程</translation>
    </message>
    <message>
        <source>Notify me when a reply arrives while r1desk is in the background</source>
        <translation>r1desk 在后台时，收到回复后通知我</translation>
    </message>
    <message>
        <source>A new language is used after r1desk restarts.</source>
        <translation>新语言将在 r1desk 重启后生效。</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>连接测试结果</translation>
    </message>
    <message>
        <source>Segmind queued mode</source>
        <translation>Segmind 排队模式</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>默认系统提示词</translation>
    </message>
    <message>
        <source>Notify when a reply arrives</source>
        <translation>收到回复时通知</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Problem with {field}</source>
        <translation>{field}有误</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>服务商：</translation>
    </message>
    <message>
        <source>API address:</source>
        <translation>API 地址：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>Queued mode for long replies:</source>
        <translation>长回复的排队模式：</translation>
    </message>
    <message>
        <source>Model parameters (sent only when set)</source>
        <translation>模型参数（仅在设置后发送）</translation>
    </message>
    <message>
        <source>Default system prompt:</source>
        <translation>默认系统提示词：</translation>
    </message>
    <message>
        <source>Max tokens:</source>
        <translation>最大 token 数：</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Top-p:</source>
        <translation>Top-p：</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <source>the model name</source>
        <translation>模型名称</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>在消息中换行</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Shift+Enter</translation>
    </message>
    <message>
        <source>Move between parts of the window</source>
        <translation>在窗口各部分之间移动</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Show or hide the reasoning of the current message</source>
        <translation>显示或隐藏当前消息的推理过程</translation>
    </message>
    <message>
        <source>Space (in the conversation)</source>
        <translation>空格（在对话中）</translation>
    </message>
    <message>
        <source>Copy the current message</source>
        <translation>复制当前消息</translation>
    </message>
    <message>
        <source>Ctrl+C (in the conversation)</source>
        <translation>Ctrl+C（在对话中）</translation>
    </message>
    <message>
        <source>Delete the current conversation</source>
        <translation>删除当前对话</translation>
    </message>
    <message>
        <source>Delete (in the conversation list)</source>
        <translation>Delete（在对话列表中）</translation>
    </message>
    <message>
        <source>More actions for a message or conversation</source>
        <translation>消息或对话的更多操作</translation>
    </message>
    <message>
        <source>Menu key or Shift+F10</source>
        <translation>菜单键或 Shift+F10</translation>
    </message>
    <message>
        <source>Open a menu</source>
        <translation>打开菜单</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + 带下划线的字母</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Column headers</source>
        <translation>列标题</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The conversation database could not be read and was moved aside to {path}. r1desk started with a fresh one.</source>
        <translation>无法读取对话数据库，已将其移至 {path}。r1desk 已使用新的数据库启动。</translation>
    </message>
</context>
<context>
    <name>TransferDialogs</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>Exporting conversations…</source>
        <translation>正在导出对话…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>导出失败：{reason}</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Nothing was imported from {name}:
{reason}</source>
        <translation>未从 {name} 导入任何内容：
{reason}</translation>
    </message>
</context>
<context>
    <name>TransferTexts</name>
    <message numerus="yes">
        <source>Exported %n file(s) to {where}</source>
        <translation>
            <numerusform>已导出 %n 个文件到 {where}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already exist:
{names}

Replace them?</source>
        <translation>
            <numerusform>%n 个文件已存在：
{names}

要替换吗？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} 字节</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Explain the Monty Hall problem step by step, then check the answer.</source>
        <translation>一步步解释蒙提霍尔问题，然后验证答案。</translation>
    </message>
    <message>
        <source>Write a Python function that finds the longest palindrome in a string.</source>
        <translation>写一个 Python 函数，找出字符串中最长的回文子串。</translation>
    </message>
    <message>
        <source>Compare SQLite and PostgreSQL for a small web app, as a table.</source>
        <translation>用表格比较 SQLite 和 PostgreSQL 在小型网站应用中的优劣。</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Welcome to r1desk</source>
        <translation>欢迎使用 r1desk</translation>
    </message>
    <message>
        <source>Chat with DeepSeek-R1, the reasoning model, right from your desktop. R1 thinks before it answers: its reasoning sits in a collapsible section above each reply. Your conversations are kept in a local database on this computer.</source>
        <translation>在桌面上直接与推理模型 DeepSeek-R1 对话。R1 会先思考再回答：它的推理过程放在每条回复上方的可折叠区域中。你的对话保存在这台电脑的本地数据库里。</translation>
    </message>
    <message>
        <source>Enter API key…</source>
        <translation>输入 API 密钥…</translation>
    </message>
    <message>
        <source>Opens the dialog to paste your API key</source>
        <translation>打开粘贴 API 密钥的对话框</translation>
    </message>
    <message>
        <source>Try one of these:</source>
        <translation>试试这些问题：</translation>
    </message>
    <message>
        <source>Puts this example into the message box</source>
        <translation>把这个示例填入消息框</translation>
    </message>
    <message>
        <source>Or type your own question below. Enter sends, Shift+Enter adds a line.</source>
        <translation>也可以在下方输入你自己的问题。Enter 发送，Shift+Enter 换行。</translation>
    </message>
    <message>
        <source>To start, r1desk needs an API key from Segmind, the service that runs R1 for you. Create one at &lt;a href=&quot;{url}&quot;&gt;cloud.segmind.com&lt;/a&gt;, then paste it here. It is kept in your system keyring.</source>
        <translation>开始之前，r1desk 需要一个 Segmind API 密钥（Segmind 是为你运行 R1 的服务）。请在 &lt;a href=&quot;{url}&quot;&gt;cloud.segmind.com&lt;/a&gt; 创建密钥，然后粘贴到这里。密钥会保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>To start, r1desk needs your {provider} API key. It is kept in your system keyring.</source>
        <translation>开始之前，r1desk 需要你的 {provider} API 密钥。密钥会保存在系统密钥环中。</translation>
    </message>
</context>
</TS>
