using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Paylink.Server.Features.Checkout.Pages;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Tests.Api;

/// <summary>The random ids and nonces drawn a block at a time, and page signatures made with a per-thread HMAC state.</summary>
public sealed class RandomnessAndSignatureTests
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    [Fact]
    public void Every_base62_character_is_drawn_equally_often()
    {
        // 620,000 characters: 10,000 of each expected, a standard deviation of ~99. Taking a byte modulo
        // 62 without throwing the top 8 values away would give eight characters ~12,100 and the rest ~9,700.
        var counts = new int[Base62.Length];
        for (var i = 0; i < 10_000; i++)
        {
            foreach (var c in SecureRandom.GetString(Base62, Base62.Length))
            {
                counts[Base62.IndexOf(c, StringComparison.Ordinal)]++;
            }
        }

        Assert.All(counts, count => Assert.InRange(count, 9_500, 10_500));
    }

    [Fact]
    public void No_random_bytes_are_handed_out_twice()
    {
        // 24-byte draws do not divide the 512-byte block, so draws straddle refills.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Span<byte> draw = stackalloc byte[24];
        for (var i = 0; i < 50_000; i++)
        {
            SecureRandom.Fill(draw);
            Assert.True(seen.Add(Convert.ToHexString(draw)));
        }

        var ids = Enumerable.Range(0, 50_000).Select(_ => Ids.New("pl")).ToList();
        Assert.All(ids, id => Assert.Matches("^pl_[0-9A-Za-z]{24}$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Signers_with_different_keys_on_one_thread_each_sign_with_their_own_key()
    {
        var (keyA, keyB) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var (a, b) = (PageSigner.WithKey(keyA), PageSigner.WithKey(keyB));

        for (var i = 0; i < 3; i++)
        {
            var text = "pl_link." + i;
            var fromA = a.Sign("form", text);
            var fromB = b.Sign("form", text);

            // Exactly HMAC-SHA256 of "use\ntext" under the key: tokens issued before a restart still verify after it.
            Assert.Equal(Expected(keyA, "form", text), fromA);
            Assert.Equal(Expected(keyB, "form", text), fromB);
            Assert.True(a.Verify("form", text, fromA));
            Assert.False(a.Verify("form", text, fromB));
            Assert.False(b.Verify("form", text, fromA));
            Assert.False(a.Verify("forgery", text, fromA));
        }
    }

    [Fact]
    public async Task Signatures_made_on_many_threads_at_once_are_all_right()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var signer = PageSigner.WithKey(key);
        var wrong = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                var text = $"visitor-{t}-{i}";
                if (signer.Sign("forgery", text) != Expected(key, "forgery", text))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        })));

        Assert.Equal(0, wrong);
    }

    private static string Expected(byte[] key, string use, string text) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(use + "\n" + text)));
}
