using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// Signs what a payment page hands out and reads back (its form token and its anti-forgery token) with
/// HMAC-SHA256 under one 256-bit key. The key is made on first start, kept in <c>signing_keys</c>
/// encrypted with Data Protection, and loaded before the server takes requests, so every instance on
/// the database signs and checks alike. An HMAC is far cheaper than Data Protection's per-payload key
/// derivation and encryption, which a page view would pay for each of its tokens (bench/README.md,
/// "Page signatures").
/// </summary>
public sealed class PageSigner(IServiceProvider services, TimeProvider time)
{
    private const string Purpose = "checkout.page";
    private byte[]? _key;

    /// <summary>Loads the key, or makes and stores it if this database has none yet (an instance that loses the race reads the winner's).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaylinkDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Paylink.SigningKeys");
        var stored = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Purpose == Purpose, cancellationToken);
        if (stored is null)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            db.SigningKeys.Add(new SigningKeyRecord { Purpose = Purpose, ProtectedKey = Convert.ToBase64String(protector.Protect(key)), CreatedAt = time.UtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                _key = key;
                return;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                stored = await db.SigningKeys.AsNoTracking().FirstAsync(k => k.Purpose == Purpose, cancellationToken);
            }
        }

        _key = protector.Unprotect(Convert.FromBase64String(stored.ProtectedKey));
    }

    /// <summary>A signer with a given key and no database, for tests.</summary>
    internal static PageSigner WithKey(byte[] key) => new(null!, TimeProvider.System) { _key = key };

    /// <summary>The URL-safe signature of <paramref name="text"/> for one use (<paramref name="use"/> keeps a signature of one kind from passing as another).</summary>
    public string Sign(string use, string text)
    {
        Span<byte> mac = stackalloc byte[32];
        Mac(use, text, mac);
        return Base64Url.EncodeToString(mac);
    }

    /// <summary>True when <paramref name="signature"/> is this server's signature of <paramref name="text"/> for <paramref name="use"/> (compared in constant time).</summary>
    public bool Verify(string use, string text, ReadOnlySpan<char> signature)
    {
        Span<byte> given = stackalloc byte[32];
        if (!Base64Url.TryDecodeFromChars(signature, given, out var length) || length != 32)
        {
            return false;
        }

        Span<byte> mac = stackalloc byte[32];
        Mac(use, text, mac);
        return CryptographicOperations.FixedTimeEquals(mac, given);
    }

    private void Mac(string use, string text, Span<byte> mac)
    {
        var key = _key ?? throw new InvalidOperationException("The page signing key is loaded at start; the server is not started yet.");
        var length = Encoding.UTF8.GetByteCount(use) + 1 + Encoding.UTF8.GetByteCount(text);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(use, buffer);
        buffer[written++] = (byte)'\n';
        Encoding.UTF8.GetBytes(text, buffer[written..]);
        var hmac = KeyedHmac.For(key);
        try
        {
            hmac.AppendData(buffer);
            hmac.GetHashAndReset(mac);
        }
        catch
        {
            // Never hand the next signature a half-fed state.
            KeyedHmac.Drop();
            throw;
        }
    }

    /// <summary>
    /// One HMAC-SHA256 state per thread, keyed once and reset after each signature: a one-shot HMAC sets
    /// up the algorithm and the key every time, which costs more than the signature itself, and a page
    /// view signs twice (bench/README.md, "Page signatures"). Keyed by the key array itself, so servers
    /// with different keys in one process (the tests' hosts) never share a state.
    /// </summary>
    private static class KeyedHmac
    {
        [ThreadStatic]
        private static IncrementalHash? t_hmac;

        [ThreadStatic]
        private static byte[]? t_key;

        public static IncrementalHash For(byte[] key)
        {
            if (t_hmac is not { } hmac || !ReferenceEquals(t_key, key))
            {
                t_hmac?.Dispose();
                hmac = t_hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
                t_key = key;
            }

            return hmac;
        }

        public static void Drop()
        {
            t_hmac?.Dispose();
            t_hmac = null;
            t_key = null;
        }
    }
}
