-module(arith_bitcount).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Xs = [0, 1, 255, 256, 16#FFFFFFFF, 1 bsl 59 - 1, 1 bsl 60, 1 bsl 64 - 1, 1 bsl 100 + 1,
          16#DEADBEEFCAFEBABE1234],
    [erlang:display({X, popcount(X), bitlen(X), lowbit(X), rev8(X band 255)}) || X <- [id(Y) || Y <- Xs]],
    erlang:display([popcount(N) || N <- lists:seq(0, 40)]),
    erlang:display(lists:sum([popcount(N) || N <- lists:seq(0, 100000)])),
    erlang:display(gray(id(37))),
    erlang:display([gray(N) || N <- lists:seq(0, 16)]),
    erlang:display([ungray(gray(N)) || N <- lists:seq(0, 16)]),
    ok.

popcount(0) -> 0;
popcount(N) -> (N band 1) + popcount(N bsr 1).

bitlen(0) -> 0;
bitlen(N) -> 1 + bitlen(N bsr 1).

lowbit(0) -> none;
lowbit(N) -> N band (-N).

rev8(B) -> <<R:8>> = << <<X:1>> || <<X:1>> <= rev_bits(<<B:8>>) >>, R.

rev_bits(Bin) -> << <<X:1>> || X <- lists:reverse([X || <<X:1>> <= Bin]) >>.

gray(N) -> N bxor (N bsr 1).

ungray(0) -> 0;
ungray(G) -> G bxor ungray(G bsr 1).
