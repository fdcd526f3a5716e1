-module(app_rle).
-export([main/0]).

%% Run-length encoding on binaries, with a byte-oriented format
%% (count, byte) and a bit-oriented one for runs of bits.
main() ->
    Inputs = [<<>>, <<"a">>, <<"aaaabbbcca">>, <<"abcdef">>, binary:copy(<<0>>, 1000),
              <<(binary:copy(<<"x">>, 300))/binary, "yz", (binary:copy(<<"x">>, 5))/binary>>],
    [begin
         E = encode(I),
         erlang:display({byte_size(I), byte_size(E), E =:= encode(I), decode(E) =:= I})
     end || I <- Inputs],
    erlang:display(encode(<<"aaaabbbcca">>)),
    erlang:display(encode(binary:copy(<<"q">>, 600))),
    Bits = <<2#11110000:8, 2#00001111:8, 2#10101010:8>>,
    erlang:display(bit_runs(Bits)),
    erlang:display(unbit_runs(bit_runs(Bits)) =:= Bits),
    Text = <<"WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW">>,
    erlang:display(text_rle(Text)),
    ok.

encode(<<>>) -> <<>>;
encode(<<B, Rest/binary>>) -> run(Rest, B, 1, <<>>).

run(<<B, Rest/binary>>, B, N, Acc) when N < 255 -> run(Rest, B, N + 1, Acc);
run(<<C, Rest/binary>>, B, N, Acc) -> run(Rest, C, 1, <<Acc/binary, N, B>>);
run(<<>>, B, N, Acc) -> <<Acc/binary, N, B>>.

decode(<<>>) -> <<>>;
decode(<<N, B, Rest/binary>>) -> <<(binary:copy(<<B>>, N))/binary, (decode(Rest))/binary>>.

bit_runs(<<>>) -> [];
bit_runs(<<B:1, R/bits>>) -> bit_runs(R, B, 1).
bit_runs(<<B:1, R/bits>>, B, N) -> bit_runs(R, B, N + 1);
bit_runs(<<C:1, R/bits>>, B, N) -> [{B, N} | bit_runs(R, C, 1)];
bit_runs(<<>>, B, N) -> [{B, N}].

unbit_runs(Runs) -> << <<(case B of 1 -> (1 bsl N) - 1; 0 -> 0 end):N>> || {B, N} <- Runs >>.

text_rle(Bin) -> iolist_to_binary([[integer_to_binary(N), B] || <<N, B>> <= encode(Bin)]).
