-module(app_huffman).
-export([main/0]).

%% Huffman coding: build the tree, encode to a bitstring, decode back.
main() ->
    Text = <<"this is an example of a huffman tree, built with erlang bit syntax">>,
    Freq = freq(Text),
    erlang:display(Freq),
    Tree = build(Freq),
    Codes = codes(Tree),
    erlang:display(lists:sort([{[C], bits_to_list(B)} || {C, B} <- maps:to_list(Codes)])),
    Enc = encode(Text, Codes),
    erlang:display({byte_size(Text) * 8, bit_size(Enc)}),
    erlang:display(Enc),
    erlang:display(decode(Enc, Tree) =:= Text),
    Long = binary:copy(<<"abracadabra ">>, 500),
    T2 = build(freq(Long)),
    E2 = encode(Long, codes(T2)),
    erlang:display({bit_size(E2), decode(E2, T2) =:= Long}),
    ok.

freq(Bin) -> lists:sort(maps:to_list(lists:foldl(fun(C, M) -> maps:update_with(C, fun(N) -> N + 1 end, 1, M) end, #{}, binary_to_list(Bin)))).

%% Weights break ties by insertion order, so the tree is deterministic.
build(Freq) ->
    Q = lists:sort([{W, I, {leaf, C}} || {I, {C, W}} <- lists:zip(lists:seq(1, length(Freq)), Freq)]),
    build_q(Q, length(Freq) + 1).

build_q([{_, _, T}], _) -> T;
build_q([{W1, _, T1}, {W2, _, T2} | Rest], N) ->
    build_q(lists:sort([{W1 + W2, N, {node, T1, T2}} | Rest]), N + 1).

codes(T) -> codes(T, <<>>, #{}).
codes({leaf, C}, Prefix, Acc) -> Acc#{C => Prefix};
codes({node, L, R}, Prefix, Acc) -> codes(R, <<Prefix/bits, 1:1>>, codes(L, <<Prefix/bits, 0:1>>, Acc)).

encode(Bin, Codes) -> << <<(maps:get(C, Codes))/bits>> || <<C>> <= Bin >>.

decode(Bits, Tree) -> decode(Bits, Tree, Tree, <<>>).
decode(<<>>, _, _, Acc) -> Acc;
decode(<<B:1, R/bits>>, {node, L, Rt}, Tree, Acc) ->
    case if B =:= 0 -> L; true -> Rt end of
        {leaf, C} -> decode(R, Tree, Tree, <<Acc/binary, C>>);
        Sub -> decode(R, Sub, Tree, Acc)
    end.

bits_to_list(B) -> [$0 + X || <<X:1>> <= B].
