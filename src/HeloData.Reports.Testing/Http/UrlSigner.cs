using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HeloData.Reports.Testing.Http;

/// <summary>
/// Signs download URLs with HMAC-SHA256 over the run id, the expiry and the URL generation, like a
/// pre-signed object-store URL: whoever holds the URL can fetch the artifact until it expires, and no
/// API key is involved.
/// </summary>
internal sealed class UrlSigner(byte[] key)
{
    public string Sign(string runId, long expiresUnix, int generation)
    {
        var payload = Encoding.UTF8.GetBytes($"{runId}|{expiresUnix.ToString(CultureInfo.InvariantCulture)}|{generation.ToString(CultureInfo.InvariantCulture)}");
        return Convert.ToHexString(HMACSHA256.HashData(key, payload)).ToLowerInvariant();
    }

    public bool Verify(string runId, long expiresUnix, int generation, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(runId, expiresUnix, generation));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
