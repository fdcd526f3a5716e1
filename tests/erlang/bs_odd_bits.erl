-module(bs_odd_bits).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    A = id(<<5:3>>), B = id(<<1:1>>), C = id(<<300:9>>),
    erlang:display({A, B, C}),
    erlang:display({bit_size(A), bit_size(B), bit_size(C), byte_size(A), byte_size(C)}),
    erlang:display(<<A/bits, B/bits, C/bits>>),
    erlang:display(bit_size(<<A/bits, B/bits, C/bits>>)),
    erlang:display(is_binary(A)),
    erlang:display(is_bitstring(A)),
    erlang:display(is_binary(<<A/bits, 0:5>>)),
    erlang:display(bitstring_to_list(<<1, 2, 3:3>>)),
    erlang:display(list_to_bitstring([<<7:3>>, <<1:5>>, [<<2:2>>]])),
    erlang:display(erlang:bit_size(<<1:100>>)),
    <<X:3, Y:7, Z/bits>> = id(<<"ABC">>),
    erlang:display({X, Y, Z, bit_size(Z)}),
    erlang:display(concat_all([<<I:I>> || I <- lists:seq(1, 12)])),
    erlang:display(bit_size(concat_all([<<I:I>> || I <- lists:seq(1, 12)]))),
    erlang:display(term_to_binary(<<5:3>>)),
    erlang:display(binary_to_term(term_to_binary(<<1, 2, 5:3>>))),
    erlang:display(erlang:phash2(<<5:3>>)),
    erlang:display(try byte_size(id(<<1:1>>)) + 0 catch error:R -> {error, R} end),
    erlang:display(try binary_to_list(id(<<1:1>>)) catch error:R2 -> {error, R2} end),
    erlang:display(try list_to_binary([id(<<1:1>>)]) catch error:R3 -> {error, R3} end),
    erlang:display(bits_reverse(id(<<2#1100101:7>>))),
    ok.

concat_all(L) -> lists:foldl(fun(X, Acc) -> <<Acc/bits, X/bits>> end, <<>>, L).

bits_reverse(B) -> << <<X:1>> || X <- lists:reverse([X || <<X:1>> <= B]) >>.
