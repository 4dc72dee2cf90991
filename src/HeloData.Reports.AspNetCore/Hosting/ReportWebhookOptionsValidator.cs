using Microsoft.Extensions.Options;

namespace HeloData.Reports.AspNetCore;

/// <summary>Refuses settings the endpoint cannot work with, at start-up rather than at the first delivery.</summary>
internal sealed class ReportWebhookOptionsValidator : IValidateOptions<ReportWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportWebhookOptions options)
    {
        var failures = new List<string>();
        try
        {
            _ = new ReportWebhookVerifier(options.SigningSecrets ?? [], options.TimestampTolerance);
        }
        catch (ArgumentException exception)
        {
            // The verifier's messages name a secret by position, never by value.
            failures.Add($"{nameof(ReportWebhookOptions)}: {exception.Message.Split(" (Parameter", 2)[0]}");
        }

        if (options.MaxDeliveryBytes <= 0)
        {
            failures.Add($"{nameof(ReportWebhookOptions)}.{nameof(ReportWebhookOptions.MaxDeliveryBytes)} must be positive.");
        }

        if (options.MaxConcurrentDeliveries <= 0)
        {
            failures.Add($"{nameof(ReportWebhookOptions)}.{nameof(ReportWebhookOptions.MaxConcurrentDeliveries)} must be positive.");
        }

        if (options.TemporaryDirectory is { } temporary && string.IsNullOrWhiteSpace(temporary))
        {
            failures.Add($"{nameof(ReportWebhookOptions)}.{nameof(ReportWebhookOptions.TemporaryDirectory)} is blank; leave it null for the system's temporary folder.");
        }

        // Renewed every third of it: below a second, the heartbeat would hammer the store.
        if (options.HandlerLease < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{nameof(ReportWebhookOptions)}.{nameof(ReportWebhookOptions.HandlerLease)} must be at least 1 second (it is {options.HandlerLease}).");
        }

        if (options.InstanceName is { } instance && string.IsNullOrWhiteSpace(instance))
        {
            failures.Add($"{nameof(ReportWebhookOptions)}.{nameof(ReportWebhookOptions.InstanceName)} is blank; leave it null for the machine name.");
        }

        if (string.IsNullOrWhiteSpace(options.StorePath))
        {
            failures.Add($"{nameof(ReportWebhookOptions)}.{nameof(ReportWebhookOptions.StorePath)} is empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
