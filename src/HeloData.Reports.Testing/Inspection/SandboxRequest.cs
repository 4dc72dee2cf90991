namespace HeloData.Reports.Testing;

/// <summary>One request the sandbox received, for assertions in tests.</summary>
/// <param name="Host"><c>api</c> or <c>downloads</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query as received (the download host's signature included).</param>
/// <param name="HadAuthorization">Whether an <c>Authorization</c> header came with it. On the download host this is a credential leak.</param>
/// <param name="Status">The status the sandbox answered with (0 for a dropped connection, and for a download cut short or stalled by a fault).</param>
/// <param name="Body">The request body, if any.</param>
/// <param name="At">When it arrived, on the sandbox's clock.</param>
public sealed record SandboxRequest(string Host, string Method, string PathAndQuery, bool HadAuthorization, int Status, string? Body, DateTimeOffset At);
