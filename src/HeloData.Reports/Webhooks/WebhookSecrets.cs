using System.Text;

namespace HeloData.Reports;

/// <summary>
/// The HMAC keys of a webhook destination's signing secrets, as Standard Webhooks writes them: a secret
/// starting with <c>whsec_</c> is the base64 of the key that follows; any other string is its UTF-8 bytes.
/// No message shows a secret, only where it sits in the list.
/// </summary>
internal static class WebhookSecrets
{
    private const string SecretPrefix = "whsec_";

    /// <summary>The key of each secret, in order.</summary>
    /// <exception cref="ArgumentException">No secret is given, one is empty or white space, or a <c>whsec_</c> secret is not base64.</exception>
    public static byte[][] Keys(IEnumerable<string> signingSecrets)
    {
        byte[][] keys = [.. signingSecrets.Select(Key)];
        return keys.Length > 0 ? keys : throw new ArgumentException("At least one signing secret is needed.", nameof(signingSecrets));
    }

    private static byte[] Key(string secret, int index)
    {
        // A blank secret is a configuration slip (an unset variable padded with a space), never a key.
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new ArgumentException($"Signing secret #{index + 1} is empty or only white space.", "signingSecrets");
        }

        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        try
        {
            var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
            return key.Length > 0 ? key : throw new FormatException();
        }
        catch (FormatException)
        {
            // The secret itself is never shown, only where it sits in the list.
            throw new ArgumentException($"Signing secret #{index + 1} starts with '{SecretPrefix}' but what follows is not base64.", "signingSecrets");
        }
    }
}
