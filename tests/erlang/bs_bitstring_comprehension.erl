-module(bs_bitstring_comprehension).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    B = id(<<2#10110011, 2#01011100>>),
    erlang:display([X || <<X:1>> <= B]),
    erlang:display(<< <<X:1>> || <<X:1>> <= B >>),
    erlang:display(<< <<(1 - X):1>> || <<X:1>> <= B >>),
    erlang:display(<< <<X:3>> || <<X:3>> <= B >>),
    erlang:display([X || <<X:3>> <= B]),
    erlang:display(<< <<X:1>> || X <- [1, 0, 1] >>),
    erlang:display(<< <<X:5>> || X <- [31, 0, 17] >>),
    erlang:display(<< <<Bit/bits>> || <<Bit:2/bits>> <= B >>),
    erlang:display(<< <<X:1, X:1>> || <<X:1>> <= id(<<2#1010:4>>) >>),
    erlang:display([bit_size(<< <<1:N>> || _ <- lists:seq(1, K) >>) || {N, K} <- [{1, 7}, {3, 3}, {7, 9}]]),
    Packed = << <<V:7>> || V <- lists:seq(100, 120) >>,
    erlang:display({bit_size(Packed), Packed}),
    erlang:display([V || <<V:7>> <= Packed]),
    erlang:display(popcount(id(<<"hello world">>))),
    erlang:display(<< <<X:1>> || <<X:1>> <= id(<<>>) >>),
    ok.

popcount(B) -> lists:sum([X || <<X:1>> <= B]).
