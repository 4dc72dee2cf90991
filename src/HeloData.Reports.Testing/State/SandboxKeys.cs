using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace HeloData.Reports.Testing.State;

/// <summary>The API keys the sandbox accepts, each with its plan.</summary>
internal sealed class SandboxKeys
{
    private readonly ConcurrentDictionary<string, SandboxPlan> _keys = new(StringComparer.Ordinal);

    public string Issue(SandboxPlan plan)
    {
        var key = $"hd_sandbox_{plan.ToString().ToLowerInvariant()}_{Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant()}";
        _keys[key] = plan;
        return key;
    }

    /// <summary><c>401 unauthorized</c> for a missing or unknown key; <c>403 feature_not_in_plan</c> below Pro.</summary>
    /// <param name="value">The request's first <c>Authorization</c> header, if any.</param>
    public void Authenticate(string? value)
    {
        const string Scheme = "Bearer ";
        if (value is null || !value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new SandboxError(401, SandboxContract.Codes.Unauthorized, "missing API key: send Authorization: Bearer <API key>.");
        }

        if (!_keys.TryGetValue(value[Scheme.Length..].Trim(), out var plan))
        {
            throw new SandboxError(401, SandboxContract.Codes.Unauthorized, "unknown API key.");
        }

        if (plan < SandboxPlan.Pro)
        {
            throw new SandboxError(403, SandboxContract.Codes.FeatureNotInPlan, "Reports are a Pro+ feature; upgrade required.");
        }
    }
}
