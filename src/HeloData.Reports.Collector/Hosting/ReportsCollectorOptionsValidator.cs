using Microsoft.Extensions.Options;

namespace HeloData.Reports.Collector;

/// <summary>
/// Refuses settings the collector cannot work with, when the host starts (or when the options are first read), each
/// message naming the option. Every rule in code, in one place, as the core's and the receiver's validators are: most
/// rules bound a <see cref="TimeSpan"/> or reject a blank (not null) string or list item, which data annotations
/// (and the <c>[OptionsValidator]</c> generator over them) would split into a second validator beside this one.
/// </summary>
internal sealed class ReportsCollectorOptionsValidator : IValidateOptions<ReportsCollectorOptions>
{
    private const string Name = nameof(ReportsCollectorOptions);

    public ValidateOptionsResult Validate(string? name, ReportsCollectorOptions options)
    {
        var failures = new List<string>();
        if (options.Reports is null)
        {
            failures.Add($"{Name}.{nameof(options.Reports)} is null; leave it empty to collect every report of the account.");
        }
        else
        {
            for (var i = 0; i < options.Reports.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(options.Reports[i]) || options.Reports[i].Trim() != options.Reports[i])
                {
                    failures.Add($"{Name}.{nameof(options.Reports)}[{i}] is not a report id (rep_…): it is blank or has surrounding white space.");
                }
            }
        }

        if (options.Since <= TimeSpan.Zero || options.Since > ReportsCollectorOptions.MaxSince)
        {
            failures.Add($"{Name}.{nameof(options.Since)} must be more than 0 and at most {ReportsCollectorOptions.MaxSince.TotalDays} days, the service's retention (it is {options.Since}).");
        }

        AtLeast(failures, nameof(options.PollInterval), options.PollInterval, TimeSpan.FromSeconds(1), "1 second");
        AtLeast(failures, nameof(options.GapGracePeriod), options.GapGracePeriod, TimeSpan.FromMinutes(5), "5 minutes, the contract's delay for a scheduled run to appear");

        // Renewed every third of it: below a second, the heartbeat would hammer the store.
        AtLeast(failures, nameof(options.ClaimLease), options.ClaimLease, TimeSpan.FromSeconds(1), "1 second");
        if (options.MaxConcurrentRuns < 1)
        {
            failures.Add($"{Name}.{nameof(options.MaxConcurrentRuns)} must be at least 1 (it is {options.MaxConcurrentRuns}).");
        }

        if (options.InstanceName is { } instance && string.IsNullOrWhiteSpace(instance))
        {
            failures.Add($"{Name}.{nameof(options.InstanceName)} is blank; leave it null for the machine name.");
        }

        if (options.TemporaryDirectory is { } temporary && string.IsNullOrWhiteSpace(temporary))
        {
            failures.Add($"{Name}.{nameof(options.TemporaryDirectory)} is blank; leave it null for the system's temporary folder.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AtLeast(List<string> failures, string option, TimeSpan value, TimeSpan least, string leastText)
    {
        if (value < least)
        {
            failures.Add($"{Name}.{option} must be at least {leastText} (it is {value}).");
        }
    }
}
