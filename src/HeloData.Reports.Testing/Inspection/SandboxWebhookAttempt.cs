namespace HeloData.Reports.Testing;

/// <summary>One POST of a webhook delivery, and what the receiver answered.</summary>
public sealed class SandboxWebhookAttempt
{
    internal SandboxWebhookAttempt(DateTimeOffset at, SandboxWebhookFault fault, int? statusCode, string? error)
    {
        At = at;
        Fault = fault;
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>When it was sent, by the sandbox's clock.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The fault injected into it, if any.</summary>
    public SandboxWebhookFault Fault { get; }

    /// <summary>The receiver's status; <see langword="null"/> when there was no answer (see <see cref="Error"/>).</summary>
    public int? StatusCode { get; }

    /// <summary>Why there was no answer (connection refused, timeout); <see langword="null"/> when there was one.</summary>
    public string? Error { get; }

    /// <summary>Whether the receiver took it (a 2xx).</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <inheritdoc />
    public override string ToString() => $"{At:O} {(StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Error)}{(Fault == SandboxWebhookFault.None ? "" : $" ({Fault})")}";
}
