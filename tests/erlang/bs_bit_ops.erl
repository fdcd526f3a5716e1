-module(bs_bit_ops).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Key = id(<<"secret">>),
    Msg = id(<<"attack at dawn, bring the big binary">>),
    Enc = xor_cipher(Msg, Key),
    erlang:display(Enc),
    erlang:display(xor_cipher(Enc, Key) =:= Msg),
    erlang:display(bin_and(id(<<16#F0F0:16>>), id(<<16#FF00:16>>))),
    erlang:display(bin_not(id(<<0, 255, 16#AA>>))),
    erlang:display(shift_left(id(<<16#81, 16#01>>), 1)),
    erlang:display(rotl32(id(16#80000001), 4)),
    erlang:display(bit_count(id(binary:copy(<<16#55>>, 100)))),
    erlang:display(hamming(id(<<"karolin">>), id(<<"kathrin">>))),
    erlang:display(interleave(id(<<16#FF>>), id(<<16#00>>))),
    erlang:display(crc8(id(<<"123456789">>))),
    ok.

xor_cipher(Msg, Key) ->
    KL = byte_size(Key),
    << <<(C bxor binary:at(Key, I rem KL))>> || {I, C} <- lists:zip(lists:seq(0, byte_size(Msg) - 1), binary_to_list(Msg)) >>.

bin_and(A, B) ->
    S = bit_size(A),
    <<X:S>> = A, <<Y:S>> = B,
    <<(X band Y):S>>.

bin_not(B) -> << <<(bnot C):8>> || <<C>> <= B >>.

shift_left(B, N) ->
    <<_:N, Rest/bits>> = B,
    <<Rest/bits, 0:N>>.

rotl32(X, N) -> ((X bsl N) bor (X bsr (32 - N))) band 16#FFFFFFFF.

bit_count(B) -> lists:sum([X || <<X:1>> <= B]).

hamming(A, B) -> bit_count(crypto_free_xor(A, B)).
crypto_free_xor(A, B) -> << <<(X bxor Y)>> || {X, Y} <- lists:zip(binary_to_list(A), binary_to_list(B)) >>.

interleave(A, B) -> << <<X:1, Y:1>> || {X, Y} <- lists:zip([X || <<X:1>> <= A], [Y || <<Y:1>> <= B]) >>.

crc8(Bin) -> lists:foldl(fun(Byte, Crc) -> crc8_byte(Crc bxor Byte, 8) end, 0, binary_to_list(Bin)).
crc8_byte(C, 0) -> C;
crc8_byte(C, N) when C band 16#80 =/= 0 -> crc8_byte(((C bsl 1) bxor 16#07) band 16#FF, N - 1);
crc8_byte(C, N) -> crc8_byte((C bsl 1) band 16#FF, N - 1).
