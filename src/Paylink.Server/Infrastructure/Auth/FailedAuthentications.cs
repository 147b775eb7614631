using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Paylink.Server.Infrastructure.Auth;

/// <summary>
/// Counts failed authentications per client address (an IPv6 client by its /64, which one host holds
/// whole). Past <c>Paylink:RateLimits:FailedAuthPerMinute</c> in a minute, a request from that address
/// that fails authentication again is a 429 instead of a 401; a request with a valid credential is never
/// counted nor refused here, so guessing from an address slows down while its real callers keep working.
/// </summary>
public sealed class FailedAuthentications : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailedAuthentications(IOptions<PaylinkOptions> options)
    {
        var limits = options.Value.RateLimits;
        _limiter = limits.Enabled && limits.FailedAuthPerMinute > 0
            ? PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.FailedAuthPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }))
            : PartitionedRateLimiter.Create<string, string>(_ => RateLimitPartition.GetNoLimiter("off"));
    }

    /// <summary>Counts one failure; true when the address is over its limit and is answered with a 429.</summary>
    public async Task<bool> RefuseAsync(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(Partition(context.Connection.RemoteIpAddress));
        if (lease.IsAcquired)
        {
            return false;
        }

        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            RetryAfter.Set(context.Response, retryAfter);
        }

        await ApiErrors.WriteAsync(context, 429, "rate_limit_error", "rate_limited",
            "Too many requests with a missing or wrong credential from this address. Check your API key and retry after a minute.");
        return true;
    }

    public void Dispose() => _limiter.Dispose();

    private static string Partition(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes) + "/64";
    }
}
