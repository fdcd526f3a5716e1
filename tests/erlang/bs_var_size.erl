-module(bs_var_size).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    [erlang:display({S, <<(id(16#ABCDEF)):S>>, <<(id(-3)):S/signed-little>>}) || S <- [id(X) || X <- [0, 1, 5, 8, 13, 24, 29, 64, 70]]],
    erlang:display([<<(id(7)):2/unit:1>>, <<(id(7)):2/unit:3>>, <<(id(7)):2/unit:8>>]),
    B = id(<<"0123456789abcdefghij">>),
    [begin <<P:N/binary, _/binary>> = B, erlang:display({N, P}) end || N <- [id(X) || X <- [0, 1, 5, 20]]],
    [begin <<_:N, V:M, _/bits>> = B, erlang:display({N, M, V}) end || {N, M} <- [{0, 8}, {3, 11}, {7, 33}, {60, 60}, {100, 60}]],
    erlang:display(fields(id(<<3:4, 5:3, 2#10101:5, 1:1, 99:8>>), [4, 3, 5, 1, 8])),
    erlang:display(take_sizes(id(<<2, "ab", 0, 4, "wxyz">>))),
    Sz = id(12),
    <<Y:Sz/little, _/bits>> = id(<<16#AB, 16#CD>>),
    erlang:display(Y),
    F = fun(Size) -> <<(id(1.5)):Size/float>> end,
    erlang:display([F(S) || S <- [16, 32, 64]]),
    G = fun(Size, Bin) -> case Bin of <<V:Size/float>> -> V; _ -> nomatch end end,
    erlang:display([G(S, F(S)) || S <- [16, 32, 64]]),
    erlang:display(try <<(id(1)):(id(-8))>> catch error:R -> {error, R} end),
    erlang:display(try <<(id(1)):(id(a))>> catch error:R2 -> {error, R2} end),
    Neg = id(-1),
    erlang:display(case id(<<1, 2>>) of <<_:Neg>> -> neg; _ -> no_match_negative end),
    ok.

fields(_, []) -> [];
fields(Bin, [S | Ss]) -> <<V:S, Rest/bits>> = Bin, [V | fields(Rest, Ss)].

take_sizes(<<>>) -> [];
take_sizes(<<L, D:L/binary, R/binary>>) -> [D | take_sizes(R)].
